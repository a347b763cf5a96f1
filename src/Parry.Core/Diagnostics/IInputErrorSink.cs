namespace Parry.Core.Diagnostics;

/// <summary>Where decoders report what they could not read. Implementations are thread-safe.</summary>
public interface IInputErrorSink
{
    void Report(InputError error);
}
