using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parry.Core.Events;
using Parry.Ingest.Time;

namespace Parry.Ingest.Json;

/// <summary>
/// Parses one framed JSON record with <see cref="Utf8JsonReader"/> and writes it into an <see cref="EventBuilder"/>:
/// names and strings unescaped straight into a pooled character buffer, numbers passed on as their text. While the
/// tokens stream past it picks out the event time: evtx_dump's SystemTime when the flavour allows it, else the first
/// of the flavour's timestamp fields (at the top level) that holds an ISO 8601 time or an epoch number.
/// </summary>
internal sealed class JsonRecordDecoder : IDisposable
{
    private static readonly string[] EvtxTimePath = ["Event", "System", "TimeCreated", "#attributes", "SystemTime"];
    private const int MaxTimestampChars = 64;

    private readonly JsonFlavour _flavour;
    private readonly JsonReaderOptions _options;
    private char[] _chars = ArrayPool<char>.Shared.Rent(1024);

    // Per record.
    private int _rootCandidate;
    private int _bestCandidate;
    private int _evtxLevel;
    private int _evtxPending;
    private string? _unreadTimeField;
    private string? _unreadTimeValue;

    public JsonRecordDecoder(JsonFlavour flavour, EventLimits limits)
    {
        _flavour = flavour;
        // One level more than the builder allows, so the builder's limit (a located "too large") is the one met.
        _options = new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 };
    }

    /// <summary>The event time found in the last record, if any.</summary>
    public DateTimeOffset? Timestamp { get; private set; }

    /// <summary>When the last record had a timestamp field whose value is not a time: which field and value.</summary>
    public (string Field, string Value)? UnreadableTimestamp =>
        Timestamp is null && _unreadTimeField is not null ? (_unreadTimeField, _unreadTimeValue ?? "") : null;

    /// <summary>Writes the record (which starts with '{') into a reset builder.</summary>
    /// <exception cref="JsonException">The record is not valid JSON.</exception>
    /// <exception cref="EventTooLargeException">The record breaks the event limits.</exception>
    public void Decode(ReadOnlySpan<byte> json, EventBuilder builder, JsonRecordInspector? inspector)
    {
        builder.Reset();
        Timestamp = null;
        _rootCandidate = -1;
        _bestCandidate = int.MaxValue;
        _evtxLevel = 0;
        _evtxPending = 0;
        _unreadTimeField = null;
        _unreadTimeValue = null;
        inspector?.StartRecord();

        var reader = new Utf8JsonReader(json, _options);
        while (reader.Read())
        {
            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (_evtxPending == depth && depth > 0)
                        _evtxLevel = depth;
                    _evtxPending = 0;
                    _rootCandidate = -1;
                    builder.StartObject();
                    break;
                case JsonTokenType.EndObject:
                    if (_evtxLevel >= depth)
                        _evtxLevel = Math.Max(0, depth - 1);
                    if (depth == 0)
                        inspector?.EndRecord(builder);
                    builder.EndObject();
                    break;
                case JsonTokenType.StartArray:
                    _evtxPending = 0;
                    _rootCandidate = -1;
                    builder.StartArray();
                    break;
                case JsonTokenType.EndArray:
                    builder.EndArray();
                    break;
                case JsonTokenType.PropertyName:
                    var name = Unescape(ref reader);
                    builder.PropertyName(name);
                    OnName(name, depth, inspector);
                    break;
                case JsonTokenType.String:
                    var text = Unescape(ref reader);
                    builder.String(text);
                    OnScalar(text, depth, isNumber: false, inspector);
                    break;
                case JsonTokenType.Number:
                    var digits = Widen(reader.ValueSpan);
                    builder.Number(digits);
                    OnScalar(digits, depth, isNumber: true, inspector);
                    break;
                case JsonTokenType.True:
                    builder.Boolean(true);
                    _evtxPending = 0;
                    break;
                case JsonTokenType.False:
                    builder.Boolean(false);
                    _evtxPending = 0;
                    break;
                case JsonTokenType.Null:
                    builder.Null();
                    _evtxPending = 0;
                    break;
            }
        }
    }

    private void OnName(ReadOnlySpan<char> name, int depth, JsonRecordInspector? inspector)
    {
        if (depth == 1)
        {
            _rootCandidate = IndexOf(_flavour.TimestampFields, name);
            inspector?.RootProperty(name);
        }
        _evtxPending = _flavour.EvtxSystemTime && depth == _evtxLevel + 1 && depth <= EvtxTimePath.Length
            && name.SequenceEqual(EvtxTimePath[depth - 1]) ? depth : 0;
    }

    private void OnScalar(ReadOnlySpan<char> text, int depth, bool isNumber, JsonRecordInspector? inspector)
    {
        if (_evtxPending == EvtxTimePath.Length && TryTime(text, isNumber, out var systemTime))
        {
            Timestamp = systemTime;
            _bestCandidate = -1;
        }
        _evtxPending = 0;
        if (depth != 1)
            return;
        inspector?.RootValue(text);
        var candidate = _rootCandidate;
        _rootCandidate = -1;
        if (candidate < 0 || candidate >= _bestCandidate)
            return;
        if (TryTime(text, isNumber, out var time))
        {
            Timestamp = time;
            _bestCandidate = candidate;
        }
        else
        {
            _unreadTimeField ??= _flavour.TimestampFields[candidate];
            _unreadTimeValue ??= text[..Math.Min(text.Length, MaxTimestampChars)].ToString();
        }
    }

    private static bool TryTime(ReadOnlySpan<char> text, bool isNumber, out DateTimeOffset time)
    {
        time = default;
        if (text.Length > MaxTimestampChars)
            return false;
        if (isNumber)
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && TimestampText.TryFromEpoch(number, out time);
        return TimestampText.TryParse(text, out time);
    }

    private static int IndexOf(string[] names, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
                return i;
        }
        return -1;
    }

    private ReadOnlySpan<char> Unescape(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (!reader.ValueIsEscaped)
            return Widen(reader.ValueSpan, length);
        EnsureChars(length);
        try
        {
            var written = reader.CopyString(_chars);
            return _chars.AsSpan(0, written);
        }
        catch (InvalidOperationException e)
        {
            // CopyString refuses escaped strings that are not valid UTF-8 (or UTF-16 once unescaped).
            throw new JsonException($"a string cannot be read as text: {e.Message}", e);
        }
    }

    private ReadOnlySpan<char> Widen(ReadOnlySpan<byte> utf8, int length = -1)
    {
        EnsureChars(length < 0 ? utf8.Length : length);
        // Invalid UTF-8 becomes U+FFFD rather than failing the record: logs carry stray bytes.
        var written = Encoding.UTF8.GetChars(utf8, _chars);
        return _chars.AsSpan(0, written);
    }

    private void EnsureChars(int length)
    {
        if (_chars.Length >= length)
            return;
        ArrayPool<char>.Shared.Return(_chars);
        _chars = ArrayPool<char>.Shared.Rent(length);
    }

    public void Dispose()
    {
        var chars = _chars;
        _chars = [];
        if (chars.Length > 0)
            ArrayPool<char>.Shared.Return(chars);
    }
}
