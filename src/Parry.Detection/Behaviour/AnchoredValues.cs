namespace Parry.Detection.Behaviour;

/// <summary>
/// Values a text must equal, start with or end with (one <see cref="Anchor"/> for all), screened by the character
/// at the anchored end: a bit per ASCII character says whether any value has it there, so a text whose first (or
/// last) character no value has is rejected without a single comparison.
/// </summary>
internal sealed class AnchoredValues(AnchoredValues.Anchor anchor)
{
    public enum Anchor
    {
        Whole,
        Start,
        End,
    }

    private string[] _values = [];
    private UInt128 _asciiAtAnchor;
    private bool _otherAtAnchor;
    private bool _empty;

    public void Add(string value)
    {
        _values = [.. _values, value];
        if (value.Length == 0)
            _empty = true;
        else if (CharAtAnchor(value) is var c && c < 128)
            _asciiAtAnchor |= UInt128.One << c;
        else
            _otherAtAnchor = true;
    }

    public bool AnyMatch(ReadOnlySpan<char> text)
    {
        if (_values.Length == 0)
            return false;
        if (text.IsEmpty)
            return _empty;
        if (!_empty)
        {
            var c = CharAtAnchor(text);
            if (c < 128 ? ((_asciiAtAnchor >> c) & UInt128.One) == UInt128.Zero : !_otherAtAnchor)
                return false;
        }
        foreach (var value in _values)
        {
            var hit = anchor switch
            {
                Anchor.Start => text.StartsWith(value, StringComparison.Ordinal),
                Anchor.End => text.EndsWith(value, StringComparison.Ordinal),
                _ => text.SequenceEqual(value),
            };
            if (hit)
                return true;
        }
        return false;
    }

    private char CharAtAnchor(ReadOnlySpan<char> text) => anchor == Anchor.End ? text[^1] : text[0];
}
