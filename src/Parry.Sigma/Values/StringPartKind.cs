namespace Parry.Sigma.Values;

/// <summary>What one piece of a <see cref="SigmaString"/> is.</summary>
public enum StringPartKind : byte
{
    /// <summary>Plain characters, compared as written (case-insensitively unless the value is cased).</summary>
    Literal,

    /// <summary><c>*</c>: any run of characters, possibly empty.</summary>
    AnyChars,

    /// <summary><c>?</c>: exactly one character.</summary>
    OneChar,

    /// <summary><c>%name%</c> under the <c>expand</c> modifier: replaced at load by the placeholder's values.</summary>
    Placeholder,
}
