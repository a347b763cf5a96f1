using System.Collections.Concurrent;
using Parry.Core.Diagnostics;

namespace Parry.Ingest.Tests.Support;

/// <summary>Collects reported input errors for assertions.</summary>
internal sealed class ErrorList : IInputErrorSink
{
    private readonly ConcurrentQueue<InputError> _errors = new();

    public IReadOnlyList<InputError> All => [.. _errors];

    public int Count => _errors.Count;

    public void Report(InputError error) => _errors.Enqueue(error);

    public override string ToString() => string.Join(Environment.NewLine, _errors);
}
