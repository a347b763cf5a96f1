using System.Buffers;
using System.Text.Json;

namespace Parry.Ingest.Traces.Reading;

/// <summary>
/// Streams a file of one or more top-level JSON objects (a document, or JSONL) property by property without loading
/// it: values the caller skips are passed over token by token; each value it wants (a whole property, or each element
/// of an array) is parsed on its own and may be at most <c>maxValueBytes</c> long — a larger one is reported and
/// skipped. Memory stays bounded by that size whatever the file holds. Malformed JSON ends the walk with an error
/// piece (a single document cannot be resynchronised).
/// </summary>
internal sealed class JsonPropertyStream(Stream stream, int maxValueBytes) : IDisposable
{
    private const int MinimumBuffer = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(MinimumBuffer);
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });

    private JsonTokenType _token;
    private string? _propertyName;

    public IEnumerable<JsonPiece> Read(Func<string, PropertyAction> choose)
    {
        for (var value = 0; ; value++)
        {
            string? error = null;
            var fatal = false;
            try
            {
                if (!Next())
                    yield break;
                if (_token != JsonTokenType.StartObject)
                {
                    error = $"top-level value {value + 1} is a {_token}, not an object";
                    SkipValue();
                }
            }
            catch (JsonException e)
            {
                error = Describe(e);
                fatal = true;
            }
            if (error is not null)
            {
                yield return new JsonPiece("", value, 0, null, error, fatal);
                if (fatal)
                    yield break;
                continue;
            }
            foreach (var piece in ReadObject(value, choose))
            {
                yield return piece;
                if (piece.Fatal)
                    yield break;
            }
        }
    }

    private IEnumerable<JsonPiece> ReadObject(int value, Func<string, PropertyAction> choose)
    {
        while (true)
        {
            string name;
            PropertyAction action;
            string? error = null;
            try
            {
                if (!Next() || _token == JsonTokenType.EndObject)
                    yield break;
                name = _propertyName ?? "";
                action = choose(name);
                if (action == PropertyAction.Skip)
                {
                    Next();
                    SkipValue();
                    continue;
                }
            }
            catch (JsonException e)
            {
                name = "";
                action = PropertyAction.Skip;
                error = Describe(e);
            }
            if (error is not null)
            {
                yield return new JsonPiece(name, value, 0, null, error, Fatal: true);
                yield break;
            }
            if (action == PropertyAction.Whole)
            {
                yield return ParseNext(name, value, 0);
                continue;
            }
            foreach (var piece in ReadElements(name, value))
            {
                yield return piece;
                if (piece.Fatal)
                    yield break;
            }
        }
    }

    private IEnumerable<JsonPiece> ReadElements(string name, int value)
    {
        string? error = null;
        var fatal = false;
        try
        {
            Next();
            if (_token != JsonTokenType.StartArray)
            {
                var token = _token;
                SkipValue();
                error = $"'{name}' is a {token}, not an array";
            }
        }
        catch (JsonException e)
        {
            error = Describe(e);
            fatal = true;
        }
        if (error is not null)
        {
            yield return new JsonPiece(name, value, 0, null, error, fatal);
            yield break;
        }
        for (long element = 0; ; element++)
        {
            var piece = ParseNext(name, value, element, endOfArray: true);
            if (piece is null)
                yield break;
            yield return piece;
            if (piece.Fatal)
                yield break;
        }
    }

    // Parses the next value whole. With endOfArray, returns null when the next token closes the array.
    private JsonPiece ParseNext(string name, int value, long element) => ParseNext(name, value, element, endOfArray: false)!;

    private JsonPiece? ParseNext(string name, int value, long element, bool endOfArray)
    {
        try
        {
            while (true)
            {
                var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
                if (!reader.Read())
                {
                    if (_final)
                        return new JsonPiece(name, value, element, null, "malformed JSON: the file ends inside a value", Fatal: true);
                    Fill(grow: false);
                    continue;
                }
                if (endOfArray && reader.TokenType == JsonTokenType.EndArray)
                {
                    Advance(ref reader);
                    return null;
                }
                if (JsonDocument.TryParseValue(ref reader, out var document))
                {
                    Advance(ref reader);
                    return new JsonPiece(name, value, element, document, null);
                }
                if (_final)
                    return new JsonPiece(name, value, element, null, "malformed JSON: the file ends inside a value", Fatal: true);
                if (_end - _start >= maxValueBytes)
                {
                    // Too large to parse: step over it token by token.
                    var next = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
                    next.Read();
                    Advance(ref next);
                    _token = next.TokenType;
                    SkipValue();
                    return new JsonPiece(name, value, element, null, $"value larger than {maxValueBytes} bytes skipped");
                }
                Fill(grow: true);
            }
        }
        catch (JsonException e)
        {
            return new JsonPiece(name, value, element, null, Describe(e), Fatal: true);
        }
    }

    // Reads one token, refilling the buffer as needed; false at the end of the input.
    private bool Next()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                _token = reader.TokenType;
                _propertyName = _token == JsonTokenType.PropertyName ? reader.GetString() : null;
                Advance(ref reader);
                return true;
            }
            if (_final)
                return false;
            Fill(grow: _end - _start >= _buffer.Length / 2);
        }
    }

    // Skips the value whose first token was just read.
    private void SkipValue()
    {
        if (_token is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        var depth = 1;
        while (depth > 0 && Next())
        {
            if (_token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                depth++;
            else if (_token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                depth--;
        }
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private void Fill(bool grow)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length || grow)
        {
            if (_buffer.Length >= (long)maxValueBytes + MinimumBuffer && _end == _buffer.Length)
                throw new JsonException($"a single JSON token is longer than {maxValueBytes} bytes");
            if (_end == _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)maxValueBytes + MinimumBuffer));
                _buffer.AsSpan(0, _end).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _final = true;
        _end += read;
    }

    private static string Describe(JsonException e) =>
        e.Message.StartsWith("a single", StringComparison.Ordinal) ? e.Message + "; the rest of the file is not read" : "malformed JSON: " + e.Message;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
