using System.Globalization;

namespace Parry.Ingest.Zeek;

/// <summary>
/// The state a Zeek TSV log's <c>#</c> header lines set: separators, the unset and empty markers, the log's path,
/// and the field names and types of the lines that follow. A file may hold several headers (logs concatenated);
/// each replaces the last.
/// </summary>
internal sealed class ZeekTsvHeader
{
    public char Separator { get; private set; } = '\t';
    public string SetSeparator { get; private set; } = ",";
    public string Empty { get; private set; } = "(empty)";
    public string Unset { get; private set; } = "-";
    public string? Path { get; private set; }
    public string[] Fields { get; private set; } = [];
    public string[] Types { get; private set; } = [];

    /// <summary>Applies a header line ("#fields\tts\tuid…"); false when it is not one this reader knows.</summary>
    public bool Apply(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("#separator "))
        {
            var value = Unescape(line["#separator ".Length..]);
            if (value.Length != 1)
                return false;
            Separator = value[0];
            return true;
        }
        var split = line.IndexOf(Separator);
        if (split < 0)
            return line.StartsWith("#close") || line.StartsWith("#open");
        var key = line[..split];
        var rest = line[(split + 1)..];
        switch (key)
        {
            case "#set_separator": SetSeparator = Unescape(rest); return true;
            case "#empty_field": Empty = rest.ToString(); return true;
            case "#unset_field": Unset = rest.ToString(); return true;
            case "#path": Path = rest.ToString(); return true;
            case "#fields": Fields = rest.ToString().Split(Separator); return true;
            case "#types": Types = rest.ToString().Split(Separator); return true;
            case "#open" or "#close": return true;
            default: return false;
        }
    }

    // "\x09" → tab; other text as is.
    private static string Unescape(ReadOnlySpan<char> value)
    {
        if (value.Length == 4 && value.StartsWith("\\x")
            && int.TryParse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            return ((char)code).ToString();
        return value.ToString();
    }
}
