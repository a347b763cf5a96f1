using System.Text;
using Parry.Core.Diagnostics;

namespace Parry.Ingest.Text;

/// <summary>
/// Gathers consecutive lines a decoder could not read into one located error (first line, count, a sample), so a
/// stretch of binary garbage is one message rather than thousands, and a single bad line still names its line.
/// </summary>
internal sealed class LineErrorRun(string path, string problem)
{
    private const int SampleChars = 80;

    private long _first = -1;
    private long _last;
    private string _sample = "";
    private string _detail = "";

    /// <summary>Adds a bad line; a gap since the last one reports the run before it.</summary>
    public void Add(long line, ReadOnlySpan<char> text, IInputErrorSink errors, string? detail = null)
    {
        if (_first >= 0 && line != _last + 1)
            Flush(errors);
        if (_first < 0)
        {
            _first = line;
            _sample = Sample(text);
            _detail = detail ?? "";
        }
        _last = line;
    }

    public void Flush(IInputErrorSink errors)
    {
        if (_first < 0)
            return;
        var count = _last - _first + 1;
        var where = count == 1 ? $"line {_first}" : $"lines {_first}-{_last} ({count} lines)";
        var detail = _detail.Length > 0 ? $" ({_detail})" : "";
        errors.Report(new InputError(path, _first, $"{where}: {problem}{detail}: \"{_sample}\""));
        _first = -1;
    }

    private static string Sample(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, SampleChars) + 1);
        foreach (var c in text[..Math.Min(text.Length, SampleChars)])
            builder.Append(char.IsControl(c) || c == '\uFFFD' ? '.' : c);
        if (text.Length > SampleChars)
            builder.Append('…');
        return builder.ToString();
    }
}
