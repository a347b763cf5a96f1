using System.Text.Json;

namespace Parry.Gateway.Engine;

/// <summary>
/// Finds which argument of a call holds a target the analysis found (in a command line, a URL, code), so a denial
/// can say where it was: a dotted path such as <c>command</c> or <c>options.hosts</c>. Bounded like the analysis:
/// depth, strings looked at and their length.
/// </summary>
internal static class ArgumentLocator
{
    public const string Unknown = "(arguments)";

    private const int MaxDepth = 16;
    private const int MaxStrings = 256;
    private const int MaxStringChars = 1 << 20;

    public static string Find(JsonElement arguments, string target)
    {
        var budget = MaxStrings;
        return Walk(arguments, "", target, 0, ref budget) ?? Unknown;
    }

    private static string? Walk(JsonElement element, string path, string target, int depth, ref int budget)
    {
        if (depth > MaxDepth || budget <= 0)
            return null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var found = Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, target, depth + 1, ref budget);
                    if (found is not null)
                        return found;
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    var found = Walk(item, path, target, depth + 1, ref budget);
                    if (found is not null)
                        return found;
                }
                return null;
            case JsonValueKind.String:
                budget--;
                var text = element.GetString() ?? "";
                if (text.Length > MaxStringChars)
                    text = text[..MaxStringChars];
                return text.Contains(target, StringComparison.OrdinalIgnoreCase) ? (path.Length == 0 ? Unknown : path) : null;
            default:
                return null;
        }
    }
}
