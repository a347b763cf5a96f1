using System.Text.Json;

namespace Parry.Ingest.Json;

/// <summary>
/// What the first record of a JSON file looks like, read from the head a format probe gets: whether it is JSON at
/// all, whether it is an array or a <c>{"Records":[…]}</c> wrapper, and the top-level property names (with scalar
/// values) of the first record. The head may end inside that record; what was read so far counts.
/// </summary>
internal sealed class JsonHead
{
    private const int MaxKeys = 256;
    private const int MaxValueChars = 200;
    private static readonly byte[] RecordsProperty = "Records"u8.ToArray();

    private readonly Dictionary<string, string?> _keys = new(StringComparer.Ordinal);

    private JsonHead()
    {
    }

    /// <summary>The first non-blank byte opens an object or an array.</summary>
    public bool LooksLikeJson { get; private set; }

    /// <summary>No syntax error before the first record closed or the head ran out.</summary>
    public bool Valid { get; private set; }

    /// <summary>The file is one object whose first property <c>Records</c> holds the records.</summary>
    public bool Wrapped { get; private set; }

    /// <summary>The file is an array of records.</summary>
    public bool IsArray { get; private set; }

    public int KeyCount => _keys.Count;

    public bool Has(string key) => _keys.ContainsKey(key);

    /// <summary>The scalar value of a top-level property as text, or null (absent or not a scalar).</summary>
    public string? Value(string key) => _keys.GetValueOrDefault(key);

    public static JsonHead Read(ReadOnlySpan<byte> head)
    {
        var result = new JsonHead();
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0 || head[first] is not ((byte)'{' or (byte)'['))
            return result;
        result.LooksLikeJson = true;
        try
        {
            result.Valid = result.Parse(head[first..]);
        }
        catch (JsonException)
        {
            result.Valid = false;
        }
        return result;
    }

    // Reads tokens until the first record closes (true) or the head runs out (true: nothing wrong so far).
    private bool Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        if (!reader.Read())
            return true;
        var recordDepth = 0;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            IsArray = true;
            if (!reader.Read())
                return true;
            if (reader.TokenType == JsonTokenType.EndArray)
                return true;
            if (reader.TokenType != JsonTokenType.StartObject)
                return false;
            recordDepth = 1;
        }
        string? pendingName = null;
        while (reader.Read())
        {
            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when depth == recordDepth + 1:
                    pendingName = TextOf(ref reader);
                    if (recordDepth == 0 && _keys.Count == 0 && reader.ValueTextEquals(RecordsProperty))
                    {
                        // Maybe a wrapper: {"Records":[{…}, …]}.
                        if (!reader.Read())
                            return true;
                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            Wrapped = true;
                            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
                                return true;
                            if (reader.TokenType != JsonTokenType.StartObject)
                                return false;
                            recordDepth = 2;
                            pendingName = null;
                            continue;
                        }
                        Add("Records", ScalarText(ref reader));
                        pendingName = null;
                        continue;
                    }
                    break;
                case JsonTokenType.EndObject when depth == recordDepth:
                    return true;
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                    when depth == recordDepth + 1 && pendingName is not null:
                    Add(pendingName, ScalarText(ref reader));
                    pendingName = null;
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray when depth == recordDepth + 1 && pendingName is not null:
                    Add(pendingName, null);
                    pendingName = null;
                    break;
            }
        }
        return true;
    }

    private void Add(string name, string? value)
    {
        if (_keys.Count < MaxKeys)
            _keys.TryAdd(name, value);
    }

    // An escaped string that is not valid UTF-8 cannot be made text; it is no name or value a probe looks for.
    private static string? TextOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ScalarText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = TextOf(ref reader) ?? "";
                return text.Length > MaxValueChars ? text[..MaxValueChars] : text;
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                return null;
        }
    }
}
