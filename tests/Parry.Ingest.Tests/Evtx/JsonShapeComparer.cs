using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>
/// Structural comparison of two JSON values, as evtx_dump renders records: the same property names in the same
/// order, numbers as numbers with the same value, strings as strings with the same text, null as null, arrays item
/// by item. Each difference is listed with its JSON path.
/// </summary>
internal static partial class JsonShapeComparer
{
    public static List<string> Differences(JsonElement expected, JsonElement actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: expected {Describe(expected)}, got {Describe(actual)}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    differences.Add($"{path}: expected properties [{string.Join(", ", expectedNames)}], got [{string.Join(", ", actualNames)}]");
                    return;
                }
                var actualProperties = actual.EnumerateObject().ToList();
                var i = 0;
                foreach (var property in expected.EnumerateObject())
                    Compare(property.Value, actualProperties[i++].Value, $"{path}.{property.Name}", differences);
                break;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    differences.Add($"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}");
                    return;
                }
                var j = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                    Compare(e, a, $"{path}[{j++}]", differences);
                break;
            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                    differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                break;
            case JsonValueKind.String:
                var want = expected.GetString()!;
                var got = actual.GetString()!;
                if (want != got && !SameTimeAtOlderPrecision(want, got))
                    differences.Add($"{path}: expected \"{want}\", got \"{got}\"");
                break;
        }
    }

    // Older evtx_dump releases printed FILETIME with nanosecond digits (…26.751156500Z); current ones print
    // microseconds (…26.751156Z), as this reader does. The same instant at the older precision counts as equal only
    // when the digits beyond the microsecond are the FILETIME's own (its 100 ns unit then "00").
    private static bool SameTimeAtOlderPrecision(string expected, string actual)
    {
        var older = NanosecondTime().Match(expected);
        return older.Success && older.Groups["extra"].Value.EndsWith("00", StringComparison.Ordinal)
            && actual == older.Groups["micro"].Value + "Z";
    }

    [GeneratedRegex(@"^(?<micro>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})(?<extra>\d{3})Z$")]
    private static partial Regex NanosecondTime();

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"string \"{e.GetString()}\"",
        JsonValueKind.Number => $"number {e.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };
}
