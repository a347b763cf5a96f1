using System.Text;
using Parry.Core.Attack;
using Parry.Core.Campaigns;
using Parry.Core.Detections;
using Parry.Detection.Reporting;

namespace Parry.Output.Csv;

/// <summary>
/// CONTRACT.md's <c>--format csv</c>: one row per detection, a timeline a responder can sort and filter in a
/// spreadsheet. RFC 4180 quoting. Campaigns and the summary are not rows; the CLI reports the summary on stderr.
/// </summary>
public sealed class CsvHuntSink(TextWriter output) : IHuntSink
{
    public static readonly string[] Columns =
        ["timestamp", "level", "rule_title", "rule_id", "tactics", "techniques", "actor", "source_path", "source_record", "details"];

    private bool _headerWritten;

    public void Detection(Core.Detections.Detection detection)
    {
        WriteHeader();
        Row(
            detection.Timestamp is { } t ? Timestamps.ToText(t) : "",
            detection.Rule.Level.Name(),
            detection.Rule.Title,
            detection.Rule.Id,
            string.Join(' ', RuleAttack.Of(detection.Rule).Tactics),
            string.Join(' ', RuleAttack.Of(detection.Rule).Techniques),
            detection.Actor?.ToString() ?? "",
            detection.Origin.Path,
            detection.Origin.Record.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EventSummary.Of(detection.Event));
    }

    public void Campaign(Campaign campaign)
    {
    }

    public void Complete(HuntSummary summary)
    {
        WriteHeader();
        output.Flush();
    }

    private void WriteHeader()
    {
        if (_headerWritten)
            return;
        _headerWritten = true;
        Row(Columns);
    }

    private void Row(params string[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
                line.Append(',');
            Quote(cells[i], line);
        }
        line.Append("\r\n");
        output.Write(line);
    }

    internal static void Quote(string cell, StringBuilder line)
    {
        // Cells that a spreadsheet would run as a formula are prefixed with a quote mark: log data is hostile.
        var risky = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (risky)
            cell = "'" + cell;
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(cell);
            return;
        }
        line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
    }
}
