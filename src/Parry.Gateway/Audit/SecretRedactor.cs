using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parry.Gateway.Audit;

/// <summary>
/// Removes secrets from tool-call arguments and result summaries before they are stored: values of secret-named
/// arguments (password, token, api_key …), and inside any text private-key blocks, bearer and basic credentials,
/// AWS access keys, well-known token formats, <c>key=value</c> secrets (connection strings, query strings), passwords
/// in URLs and secret command-line flags. Structure and everything else are kept, so the audit still says what was
/// called with what.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    private const int MaxDepth = 64;

    /// <summary>Writes <paramref name="value"/> to <paramref name="writer"/> with secrets masked.</summary>
    public static void WriteRedacted(JsonElement value, Utf8JsonWriter writer) => Write(value, writer, secretKey: false, depth: 0);

    /// <summary>As <see cref="WriteRedacted(JsonElement, Utf8JsonWriter)"/>; returns whether anything was masked (false:
    /// what was written means exactly what <paramref name="value"/> does).</summary>
    public static bool WriteRedactedChanged(JsonElement value, Utf8JsonWriter writer) => Write(value, writer, secretKey: false, depth: 0);

    /// <summary>Whether <see cref="WriteRedactedChanged"/> would mask anything in <paramref name="value"/>: the same
    /// walk without writing, so that a caller with nothing to mask (most calls) keeps the value it has instead of
    /// building a copy.</summary>
    public static bool WouldRedact(JsonElement value) => WouldRedact(value, secretKey: false, depth: 0);

    // Cheap, vectorised gates: a pattern runs only on text that holds one of its keywords, so the usual argument
    // (a path, a query, a message) costs one scan instead of seven regular expressions.
    private static readonly SearchValues<string> SecretWords = SearchValues.Create(
        ["pass", "pwd", "token", "secret", "key", "sig", "auth", "cookie", "bearer", "basic", "digest"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> TokenPrefixes = SearchValues.Create(
        ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
         "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "sk-", "AIza", "k_live_", "k_test_", "glpat-", "eyJ"], StringComparison.Ordinal);

    public static string RedactText(string text)
    {
        if (text.Length < 6)
            return text;
        var span = text.AsSpan();
        if (span.Contains("PRIVATE KEY", StringComparison.Ordinal))
            text = PrivateKey().Replace(text, "[REDACTED PRIVATE KEY]");
        if (span.ContainsAny(SecretWords))
        {
            text = HeaderLine().Replace(text, m => m.Groups[1].Value + ": " + Mask);
            text = AuthScheme().Replace(text, m => m.Groups[1].Value + " " + Mask);
            text = Flag().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
            text = KeyValue().Replace(text, m => m.Groups[1].Value + m.Groups[2].Value + Mask);
        }
        if (text.Contains("://", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal))
            text = UrlPassword().Replace(text, m => m.Groups[1].Value + ":" + Mask + "@");
        if (text.AsSpan().ContainsAny(TokenPrefixes))
            text = KnownToken().Replace(text, Mask);
        return text;
    }

    public static bool IsSecretName(string name) => IsSecretName(name.AsSpan());

    private static bool IsSecretName(ReadOnlySpan<char> name)
    {
        Span<char> folded = stackalloc char[Math.Min(name.Length, 64)];
        var n = 0;
        foreach (var c in name)
        {
            if (n == folded.Length)
                break;
            if (char.IsAsciiLetterOrDigit(c))
                folded[n++] = char.ToLowerInvariant(c);
        }
        var key = folded[..n];
        return key.Contains("password", StringComparison.Ordinal) || key.Contains("passwd", StringComparison.Ordinal)
            || key.SequenceEqual("pwd") || key.SequenceEqual("pass") || key.SequenceEqual("passphrase")
            || key.Contains("secret", StringComparison.Ordinal) || key.Contains("token", StringComparison.Ordinal)
            || key.Contains("apikey", StringComparison.Ordinal) || key.Contains("accesskey", StringComparison.Ordinal)
            || key.Contains("privatekey", StringComparison.Ordinal) || key.Contains("credential", StringComparison.Ordinal)
            || key.SequenceEqual("authorization") || key.SequenceEqual("auth") || key.Contains("cookie", StringComparison.Ordinal)
            || key.Contains("sessionkey", StringComparison.Ordinal) || key.SequenceEqual("otp") || key.SequenceEqual("pin");
    }

    // Mirrors Write: true exactly where Write reports a change.
    private static bool WouldRedact(JsonElement value, bool secretKey, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in value.EnumerateObject())
                {
                    if (WouldRedact(property.Value, secretKey || IsSecretName(property), depth + 1))
                        return true;
                }
                return false;
            case JsonValueKind.Array when depth < MaxDepth:
                foreach (var item in value.EnumerateArray())
                {
                    if (WouldRedact(item, secretKey, depth + 1))
                        return true;
                }
                return false;
            case JsonValueKind.Object or JsonValueKind.Array:
                return true;
            case JsonValueKind.String:
                if (secretKey)
                    return true;
                return MayRedact(value) && value.GetString() is { } text && !ReferenceEquals(RedactText(text), text);
            case JsonValueKind.Number:
                return secretKey;
            default:
                return false;
        }
    }

    // The record asks this of every call: the name is read from the call's UTF-8 instead of allocated (an escaped
    // name, or a long one, takes the string).
    private static bool IsSecretName(JsonProperty property)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > 256 || raw.IndexOf((byte)'\\') >= 0)
            return IsSecretName(property.Name);
        Span<char> name = stackalloc char[raw.Length];
        return System.Text.Encoding.UTF8.TryGetChars(raw, name, out var length) ? IsSecretName(name[..length]) : IsSecretName(property.Name);
    }

    // False when RedactText would certainly return its input: none of its gates open on the value's text. Decodes
    // the value's UTF-8 into a rented buffer rather than a string, which only a value that opens a gate gets.
    private static bool MayRedact(JsonElement value)
    {
        // The raw token with its quotes; without a backslash it holds exactly the value's characters.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length < 2 || raw[0] != (byte)'"' || raw[^1] != (byte)'"' || raw.IndexOf((byte)'\\') >= 0)
            return true; // escaped: the caller decodes it and runs RedactText itself
        raw = raw[1..^1];
        var buffer = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var length = System.Text.Encoding.UTF8.GetChars(raw, buffer);
            var text = buffer.AsSpan(0, length);
            return text.Length >= 6
                && (text.Contains("PRIVATE KEY", StringComparison.Ordinal) || text.ContainsAny(SecretWords)
                    || (text.Contains("://", StringComparison.Ordinal) && text.Contains('@'))
                    || text.ContainsAny(TokenPrefixes));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool Write(JsonElement value, Utf8JsonWriter writer, bool secretKey, int depth)
    {
        var changed = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when depth < MaxDepth:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    changed |= Write(property.Value, writer, secretKey || IsSecretName(property.Name), depth + 1);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array when depth < MaxDepth:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                    changed |= Write(item, writer, secretKey, depth + 1);
                writer.WriteEndArray();
                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                writer.WriteStringValue("[TOO DEEP]");
                changed = true;
                break;
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                var redacted = secretKey ? Mask : RedactText(text);
                // RedactText hands back the same string when it masked nothing.
                changed = !ReferenceEquals(redacted, text);
                writer.WriteStringValue(redacted);
                break;
            case JsonValueKind.Number when secretKey:
                writer.WriteStringValue(Mask);
                changed = true;
                break;
            default:
                value.WriteTo(writer);
                break;
        }
        return changed;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(?:.|\n)*?(?:-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?im)\b(authorization|proxy-authorization|x-api-key|x-auth-token|cookie|set-cookie)\s*:\s*[^\r\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"(?i)\b(bearer|basic|digest)\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex AuthScheme();

    [GeneratedRegex(@"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@]+):([^@\s/]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?i)(--?(?:password|passwd|pass|pwd|token|secret|api-key|apikey|access-key|secret-key|client-secret|auth-token))(\s+|=)(?:""[^""]*""|'[^']*'|\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex Flag();

    [GeneratedRegex(@"(?i)\b((?:[a-z0-9]+[_.-])*(?:password|passwd|pwd|pass|secret|token|api[_-]?key|apikey|access[_-]?key(?:[_-]?id)?|secret[_-]?access[_-]?key|client[_-]?secret|sig|signature))(\s*[=:]\s*)(?:""[^""]*""|'[^']*'|[^\s;&,""']+)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"\b(?:(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|xox[abposr]-[A-Za-z0-9-]{10,}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|[rs]k_(?:live|test)_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_-]{20,}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})", RegexOptions.CultureInvariant)]
    private static partial Regex KnownToken();
}
