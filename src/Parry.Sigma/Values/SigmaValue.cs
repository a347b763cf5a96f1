namespace Parry.Sigma.Values;

/// <summary>
/// A value of a detection item after its modifiers were applied at load (pySigma style): a string pattern, a number,
/// null, a regular expression, a network, a comparison, a field reference, an existence test or a date part.
/// Immutable.
/// </summary>
public abstract class SigmaValue
{
    private protected SigmaValue()
    {
    }
}
