using Parry.Core.Campaigns;
using Parry.Detection.Reporting;

namespace Parry.Gateway.Engine;

/// <summary>
/// The detections output, isolated: if writing it fails (disk full, file gone) the failure is reported once, the
/// output stops, and the gateway goes on judging and auditing calls. The audit log, not this, is the record that
/// must not be lost.
/// </summary>
internal sealed class GuardedSink(IHuntSink? inner, Action<string> report) : IHuntSink
{
    private bool _failed = inner is null;

    /// <summary>Lines that were not written because the output had failed.</summary>
    public long Lost { get; private set; }

    public void Detection(Core.Detections.Detection detection) => Write(s => s.Detection(detection));

    public void Campaign(Campaign campaign) => Write(s => s.Campaign(campaign));

    public void Complete(HuntSummary summary) => Write(s => s.Complete(summary));

    private void Write(Action<IHuntSink> write)
    {
        if (_failed)
        {
            Lost += inner is null ? 0 : 1;
            return;
        }
        try
        {
            write(inner!);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException or NotSupportedException)
        {
            _failed = true;
            Lost++;
            report("cannot write the detections output, which stops here (the audit log goes on): " + e.Message);
        }
    }
}
