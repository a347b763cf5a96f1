using Parry.Core.Events;
using Parry.Ingest.Formats;
using Parry.Ingest.Json;
using Parry.Ingest.Sources;

namespace Parry.Ingest.Cloud;

/// <summary>
/// AWS CloudTrail logs: the files CloudTrail delivers (<c>{"Records":[…]}</c>, read record by record without holding
/// the file) or one event per line. Events of kind <c>cloudtrail</c> keep CloudTrail's field names, which are the
/// ones SigmaHQ's <c>aws/cloudtrail</c> rules use (<c>eventSource</c>, <c>eventName</c>, <c>userIdentity.arn</c>,
/// <c>sourceIPAddress</c>, <c>errorCode</c>, <c>requestParameters.*</c>); time from <c>eventTime</c>.
/// </summary>
public sealed class CloudTrailFormat : IInputFormat
{
    public const int Score = 75;

    private static readonly JsonFlavour Flavour = new("cloudtrail", ["eventTime"], WrapperProperty: "Records");

    public string Name => "cloudtrail";

    public int Probe(ReadOnlySpan<byte> head, string fileName)
    {
        var json = JsonHead.Read(head);
        if (!json.Valid)
            return 0;
        if (json.Wrapped)
            return json.KeyCount == 0 || json.Has("eventSource") || json.Has("eventName") ? Score : 0;
        return json.Has("eventVersion") && json.Has("eventSource") && json.Has("eventName") ? Score : 0;
    }

    public IEnumerable<Event> Read(InputSource source, DecodeContext context) =>
        JsonEventReader.Read(source, context, Flavour);
}
