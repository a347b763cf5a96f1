using Parry.Core.Campaigns;
using Parry.Core.Detections;
using Parry.Detection.Reporting;
using Spectre.Console;

namespace Parry.Output.Table;

/// <summary>
/// The default view on a terminal: one line per detection as it is found, coloured by level; then each campaign
/// with its timeline of tactics and the signals behind its autonomy score; then a closing summary.
/// </summary>
public sealed class TableHuntSink(IAnsiConsole console, StatusLine? status = null) : IHuntSink
{
    private const int MaxErrorsShown = 20;
    private readonly List<Campaign> _campaigns = [];
    private bool _headerWritten;

    public void Detection(Core.Detections.Detection detection)
    {
        status?.Clear();
        if (!_headerWritten)
        {
            console.MarkupLine("[bold]time (UTC)               level     rule[/]");
            _headerWritten = true;
        }
        var time = detection.Timestamp is { } t ? Timestamps.ToText(t) : "-";
        var actor = detection.Actor is { } a ? $"  [blue]{Markup.Escape(a.ToString())}[/]" : "";
        console.MarkupLine(
            $"{time,-24} {LevelMarkup(detection.Rule.Level)} {Markup.Escape(detection.Rule.Title)}{actor}  " +
            $"[grey]{Markup.Escape(detection.Origin.ToString())}[/]");
        var details = EventSummary.Of(detection.Event, 200);
        if (details.Length > 0)
            console.MarkupLine($"{"",35}[grey]{Markup.Escape(details)}[/]");
        status?.Restore();
    }

    public void Campaign(Campaign campaign) => _campaigns.Add(campaign);

    public void Complete(HuntSummary summary)
    {
        status?.Clear();
        foreach (var campaign in _campaigns)
            WriteCampaign(campaign);
        WriteSummary(summary);
    }

    private void WriteCampaign(Campaign c)
    {
        console.WriteLine();
        console.Write(new Rule(
            $"[bold]Campaign {Markup.Escape(c.Id)}[/] {LevelMarkup(c.Level).TrimEnd()}  actor [blue]{Markup.Escape(c.Actor.ToString())}[/]  " +
            $"autonomy [bold]{c.Autonomy.Score:0.00}[/]")
        { Justification = Justify.Left });
        console.MarkupLine(
            (Timestamps.IsUndated(c.FirstSeen) ? "undated input, " : $"{Timestamps.ToText(c.FirstSeen)} → {Timestamps.ToText(c.LastSeen)}  ({(c.LastSeen - c.FirstSeen).TotalSeconds:0.#} s), ") +
            $"{c.Events:N0} events, {c.Detections:N0} detections, sources {Markup.Escape(string.Join(", ", c.Sources))}");
        if (c.Summary.Length > 0)
            console.MarkupLine(Markup.Escape(c.Summary));
        if (c.LinkedActors.Count > 0)
            console.MarkupLine($"linked actors: [blue]{Markup.Escape(string.Join(", ", c.LinkedActors))}[/]");
        if (c.Targets.Count > 0)
            console.MarkupLine($"targets: {Markup.Escape(string.Join(", ", c.Targets.Take(12)))}{(c.Targets.Count > 12 ? $" … (+{c.Targets.Count - 12})" : "")}");

        if (c.Timeline.Count > 0)
        {
            var timeline = new Spectre.Console.Table().Border(TableBorder.Simple).Title("tactics in order");
            timeline.AddColumn("+time");
            timeline.AddColumn("tactic");
            timeline.AddColumn(new TableColumn("detections").RightAligned());
            timeline.AddColumn("example");
            foreach (var step in c.Timeline)
            {
                timeline.AddRow(
                    Timestamps.IsUndated(step.FirstSeen) ? "-" : $"+{(step.FirstSeen - c.FirstSeen).TotalSeconds:0.0}s",
                    Markup.Escape(step.Tactic),
                    step.Detections.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(step.ExampleRule));
            }
            console.Write(timeline);
        }
        if (c.Autonomy.Signals.Count > 0)
        {
            var signals = new Spectre.Console.Table().Border(TableBorder.Simple).Title("autonomy signals");
            signals.AddColumn("signal");
            signals.AddColumn(new TableColumn("value").RightAligned());
            signals.AddColumn(new TableColumn("threshold").RightAligned());
            signals.AddColumn("machine-like");
            signals.AddColumn(new TableColumn("weight").RightAligned());
            foreach (var s in c.Autonomy.Signals)
            {
                signals.AddRow(
                    Markup.Escape(s.Name),
                    s.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                    s.Threshold.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                    s.Fired ? "[red]yes[/]" : "no",
                    s.Weight.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
            }
            console.Write(signals);
        }
    }

    private void WriteSummary(HuntSummary s)
    {
        console.WriteLine();
        var seconds = Math.Max(s.ElapsedMs, 1) / 1000.0;
        var levels = string.Join(", ", new[] { Level.Critical, Level.High, Level.Medium, Level.Low, Level.Informational }
            .Where(l => s.DetectionsByLevel.ContainsKey(l.Name()))
            .Select(l => $"{LevelMarkup(l).TrimEnd()} {s.DetectionsByLevel[l.Name()]:N0}"));
        console.MarkupLine(
            $"[bold]{s.Detections:N0} detections[/]{(levels.Length > 0 ? " (" + levels + ")" : "")}, " +
            $"[bold]{s.Campaigns:N0} campaigns[/] in {s.Events:N0} events from {s.Files:N0} files " +
            $"({seconds:0.##} s, {s.Events / seconds:N0} events/s); rules: {s.RulesLoaded:N0} loaded, {s.RulesRejected:N0} rejected");
        if (s.ErrorCount > 0)
        {
            console.MarkupLine($"[yellow]{s.ErrorCount:N0} input errors[/]{(s.ErrorCount > MaxErrorsShown ? $" (first {MaxErrorsShown})" : "")}:");
            foreach (var e in s.Errors.Take(MaxErrorsShown))
                console.MarkupLine($"  [yellow]{Markup.Escape(e.ToString())}[/]");
        }
    }

    private static string LevelMarkup(Level level) => level switch
    {
        Level.Critical => "[bold white on red]critical[/] ",
        Level.High => "[bold red]high    [/] ",
        Level.Medium => "[yellow]medium  [/] ",
        Level.Low => "[green]low     [/] ",
        _ => "[grey]info    [/] ",
    };
}
