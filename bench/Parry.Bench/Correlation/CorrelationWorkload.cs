using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Sigma.Loading;

namespace Parry.Bench.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// One event_count correlation (failed logons per source address) and pre-built detections of its base rule:
/// <c>groups</c> addresses in turn, one detection per millisecond of event time, so each address is seen once per
/// <c>groups</c> ms. Events carry the address and a timestamp, as decoded Windows 4625 events would.
/// </summary>
internal sealed class CorrelationWorkload
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public CorrelationWorkload(int threshold, string timespan = "10m")
    {
        var yaml = $"""
            title: Many failed logons from one address
            id: 6b0f5c0e-1f0b-4c4e-9a55-000000000001
            correlation:
                type: event_count
                rules: [failed_logon]
                group-by: [IpAddress]
                timespan: {timespan}
                condition:
                    gte: {threshold}
            level: high
            ---
            title: Failed logon
            id: 6b0f5c0e-1f0b-4c4e-9a55-000000000002
            name: failed_logon
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID: 4625
                condition: selection
            """;
        var loaded = SigmaLoader.LoadText(yaml, "bench.yml");
        if (loaded.Rejected.Count > 0)
            throw new InvalidOperationException(loaded.Rejected[0].Reason);
        var builder = new FieldTableBuilder();
        builder.Intern("EventID");
        Set = CorrelationSet.Compile(loaded.Correlations, builder);
        Fields = builder.Build();
        Rule = loaded.Rules[0];
    }

    public CorrelationSet Set { get; }

    public FieldTable Fields { get; }

    public global::Parry.Sigma.Rules.SigmaRule Rule { get; }

    /// <summary>Detections of <paramref name="count"/> events over <paramref name="groups"/> addresses, starting
    /// at <paramref name="firstMillisecond"/>.</summary>
    public Detection[] Detections(int count, int groups, long firstMillisecond = 0)
    {
        var builder = new EventBuilder();
        var result = new Detection[count];
        for (var i = 0; i < count; i++)
            result[i] = Make(builder, $"10.{(i % groups) >> 16 & 255}.{(i % groups) >> 8 & 255}.{i % groups & 255}", firstMillisecond + i, i);
        return result;
    }

    public Detection Make(EventBuilder builder, string address, long millisecond, long record)
    {
        builder.Reset();
        builder.StartObject();
        builder.PropertyName("EventID");
        builder.Integer(4625);
        builder.PropertyName("IpAddress");
        builder.String(address);
        builder.EndObject();
        var e = builder.Build(Fields, new EventOrigin("bench.evtx", record), "evtx", Start.AddMilliseconds(millisecond));
        return new Detection(Rule.Info, e, null);
    }
}
