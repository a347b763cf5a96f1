namespace Parry.Sigma.Matching.Prefilter;

/// <summary>What a top-level atom of a regular expression is, as far as the pattern analyses need to know.</summary>
internal enum RegexAtomKind
{
    /// <summary>One plain character: itself, escaped punctuation (<c>\.</c>), or a <c>{</c> that starts no
    /// quantifier.</summary>
    Literal,

    /// <summary>A letter or digit escape: a class (<c>\d</c>, <c>\p{L}</c>), a character (<c>\n</c>, <c>\x41</c>),
    /// an anchor (<c>\b</c>, <c>\A</c>) or a back reference (<c>\1</c>, <c>\k&lt;name&gt;</c>).</summary>
    LetterEscape,

    /// <summary>A character class, <c>[…]</c>.</summary>
    Class,

    /// <summary>A group of any kind, <c>(…)</c>, lookarounds and inline options included.</summary>
    Group,

    /// <summary><c>.</c>: any one character.</summary>
    AnyCharacter,

    /// <summary>Matches no character of its own: <c>^</c>, <c>$</c>, <c>|</c>, an unbalanced <c>)</c>, a trailing
    /// backslash.</summary>
    ZeroWidth,

    /// <summary>A quantifier with no atom before it to repeat (at the start, after another quantifier).</summary>
    StrayQuantifier,
}
