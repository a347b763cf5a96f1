namespace Parry.Sigma.Modifiers;

/// <summary>Every value modifier of the Sigma 2.1 modifiers appendix (plus pySigma's long names of the regex
/// flags).</summary>
internal enum Modifier : byte
{
    Contains,
    StartsWith,
    EndsWith,
    All,
    Exists,
    Cased,
    Neq,
    Windash,
    Re,
    IgnoreCase,
    Multiline,
    DotAll,
    Base64,
    Base64Offset,
    Utf16Le,
    Utf16Be,
    Utf16,
    Lt,
    Lte,
    Gt,
    Gte,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Cidr,
    Expand,
    FieldRef,
}
