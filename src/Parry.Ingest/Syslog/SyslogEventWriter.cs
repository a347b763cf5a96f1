using Parry.Core.Events;
using Parry.Ingest.Syslog.Programs;
using Parry.Ingest.Text;

namespace Parry.Ingest.Syslog;

/// <summary>
/// Writes one parsed syslog line as an event tree: <c>priority</c>/<c>facility</c>/<c>severity</c> (when the line
/// has a PRI), <c>host</c>, <c>program</c>, <c>pid</c>, RFC 5424's <c>msgid</c>, <c>structured_data</c> and
/// <c>sd.&lt;id&gt;.&lt;param&gt;</c>, the whole <c>message</c> (what SigmaHQ's keyword rules search), then the fields
/// the program's parser finds in the message.
/// </summary>
internal sealed class SyslogEventWriter
{
    private char[] _unescaped = new char[256];

    public void Write(in SyslogHeader header, EventBuilder builder)
    {
        builder.StartObject();
        if (header.Priority >= 0)
        {
            builder.Field("priority", header.Priority);
            builder.Field("facility", SyslogPriority.Facility(header.Priority));
            builder.Field("severity", SyslogPriority.Severity(header.Priority));
        }
        if (header.Version > 0)
            builder.Field("version", header.Version);
        if (!header.Host.IsEmpty)
            builder.Field("host", header.Host);
        if (!header.Program.IsEmpty)
            builder.Field("program", header.Program);
        if (!header.ProcessId.IsEmpty)
            builder.NumberField("pid", header.ProcessId);
        if (!header.MessageId.IsEmpty)
            builder.Field("msgid", header.MessageId);
        if (!header.StructuredData.IsEmpty)
        {
            builder.Field("structured_data", header.StructuredData);
            WriteStructuredData(header.StructuredData, builder);
        }
        builder.Field("message", header.Message);
        var message = header.Message;
        if (TryUnwrapRepeat(message, out var repeated, out var count))
        {
            builder.Field("repeat_count", count);
            message = repeated;
        }
        WriteProgramFields(header.Program, message, builder);
        builder.EndObject();
    }

    // rsyslog's "message repeated 3 times: [ Failed password for root from … ssh2]": the inner message is parsed
    // like any other, and the count kept (a brute force folded into one line is still three attempts).
    private static bool TryUnwrapRepeat(ReadOnlySpan<char> message, out ReadOnlySpan<char> inner, out long count)
    {
        inner = default;
        count = 0;
        const string Prefix = "message repeated ";
        if (!message.StartsWith(Prefix) || !message.EndsWith("]"))
            return false;
        var rest = message[Prefix.Length..];
        var times = rest.IndexOf(" times: [");
        if (times <= 0 || !long.TryParse(rest[..times], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
            return false;
        inner = rest[(times + " times: [".Length)..^1].TrimStart(' ');
        return true;
    }

    private static void WriteProgramFields(ReadOnlySpan<char> program, ReadOnlySpan<char> message, EventBuilder builder)
    {
        if (SshdMessage.IsSshd(program))
            SshdMessage.Write(message, builder);
        else if (program is "sudo")
            SudoMessage.Write(message, builder);
        else if (program is "su")
            SuMessage.Write(message, builder);
        else if (CronMessage.IsCron(program))
            CronMessage.Write(message, builder);
        else
            PamMessage.TryWrite(message, builder);
    }

    // [id param="value" …][id2 …] → sd: { id: { param: value } }
    private void WriteStructuredData(ReadOnlySpan<char> sd, EventBuilder builder)
    {
        builder.PropertyName("sd");
        builder.StartObject();
        while (sd.Length > 1 && sd[0] == '[')
        {
            var length = EndOfElement(sd);
            var element = sd[1..Math.Max(1, length - 1)];
            sd = sd[length..];
            var space = element.IndexOf(' ');
            builder.PropertyName(space < 0 ? element : element[..space]);
            builder.StartObject();
            var rest = space < 0 ? [] : element[(space + 1)..];
            while (!rest.IsEmpty)
            {
                var eq = rest.IndexOf("=\"");
                if (eq <= 0)
                    break;
                builder.PropertyName(rest[..eq].Trim());
                var value = rest[(eq + 2)..];
                var end = ClosingQuote(value);
                builder.String(Unescape(value[..end]));
                rest = end + 1 < value.Length ? value[(end + 1)..].TrimStart(' ') : [];
            }
            builder.EndObject();
        }
        builder.EndObject();
    }

    private static int EndOfElement(ReadOnlySpan<char> sd)
    {
        var inQuotes = false;
        for (var i = 1; i < sd.Length; i++)
        {
            var c = sd[i];
            if (inQuotes && c == '\\')
                i++;
            else if (c == '"')
                inQuotes = !inQuotes;
            else if (!inQuotes && c == ']')
                return i + 1;
        }
        return sd.Length;
    }

    private static int ClosingQuote(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
                i++;
            else if (value[i] == '"')
                return i;
        }
        return value.Length;
    }

    private ReadOnlySpan<char> Unescape(ReadOnlySpan<char> value)
    {
        if (value.IndexOf('\\') < 0)
            return value;
        if (_unescaped.Length < value.Length)
            _unescaped = new char[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] is '"' or '\\' or ']')
                i++;
            _unescaped[n++] = value[i];
        }
        return _unescaped.AsSpan(0, n);
    }
}
