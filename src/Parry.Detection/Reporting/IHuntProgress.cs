namespace Parry.Detection.Reporting;

/// <summary>Receives progress of a running hunt; called from the hunt's reporting thread, often: keep it
/// cheap.</summary>
public interface IHuntProgress
{
    void Report(HuntProgress progress);
}
