using System.Collections.Frozen;

namespace Parry.Sigma.Modifiers;

/// <summary>The names rules write modifiers with (case-insensitive): <c>wide</c> is <c>utf16le</c>; <c>i</c>,
/// <c>m</c>, <c>s</c> are <c>ignorecase</c>, <c>multiline</c>, <c>dotall</c>.</summary>
internal static class ModifierNames
{
    private static readonly FrozenDictionary<string, Modifier> ByName = new Dictionary<string, Modifier>(StringComparer.OrdinalIgnoreCase)
    {
        ["contains"] = Modifier.Contains,
        ["startswith"] = Modifier.StartsWith,
        ["endswith"] = Modifier.EndsWith,
        ["all"] = Modifier.All,
        ["exists"] = Modifier.Exists,
        ["cased"] = Modifier.Cased,
        ["neq"] = Modifier.Neq,
        ["windash"] = Modifier.Windash,
        ["re"] = Modifier.Re,
        ["i"] = Modifier.IgnoreCase,
        ["ignorecase"] = Modifier.IgnoreCase,
        ["m"] = Modifier.Multiline,
        ["multiline"] = Modifier.Multiline,
        ["s"] = Modifier.DotAll,
        ["dotall"] = Modifier.DotAll,
        ["base64"] = Modifier.Base64,
        ["base64offset"] = Modifier.Base64Offset,
        ["utf16le"] = Modifier.Utf16Le,
        ["wide"] = Modifier.Utf16Le,
        ["utf16be"] = Modifier.Utf16Be,
        ["utf16"] = Modifier.Utf16,
        ["lt"] = Modifier.Lt,
        ["lte"] = Modifier.Lte,
        ["gt"] = Modifier.Gt,
        ["gte"] = Modifier.Gte,
        ["minute"] = Modifier.Minute,
        ["hour"] = Modifier.Hour,
        ["day"] = Modifier.Day,
        ["week"] = Modifier.Week,
        ["month"] = Modifier.Month,
        ["year"] = Modifier.Year,
        ["cidr"] = Modifier.Cidr,
        ["expand"] = Modifier.Expand,
        ["fieldref"] = Modifier.FieldRef,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryParse(string name, out Modifier modifier) => ByName.TryGetValue(name, out modifier);

    public static string Known => "contains, startswith, endswith, all, exists, cased, neq, windash, re (with i, m, s), base64, "
        + "base64offset, utf16le/wide, utf16be, utf16, lt, lte, gt, gte, minute, hour, day, week, month, year, cidr, expand, fieldref";
}
