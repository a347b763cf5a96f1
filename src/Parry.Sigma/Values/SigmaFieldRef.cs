namespace Parry.Sigma.Values;

/// <summary><c>field|fieldref: Other</c>: the field's value compared with the value of another field of the same
/// event (equal by default; <c>startswith</c>/<c>endswith</c>/<c>contains</c> relax it; <c>cased</c> makes it
/// case-sensitive).</summary>
public sealed class SigmaFieldRef(string field, FieldRefMode mode, bool cased) : SigmaValue
{
    public string Field { get; } = field;

    public FieldRefMode Mode { get; } = mode;

    public bool Cased { get; } = cased;

    public SigmaFieldRef With(FieldRefMode mode) => new(Field, Mode == FieldRefMode.Equals ? mode : Combine(Mode, mode), Cased);

    public SigmaFieldRef AsCased() => new(Field, Mode, true);

    private static FieldRefMode Combine(FieldRefMode a, FieldRefMode b) => a == b ? a : FieldRefMode.Contains;

    public override string ToString() => $"field {Field}";
}
