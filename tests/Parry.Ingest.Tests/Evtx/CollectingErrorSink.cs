using System.Collections.Concurrent;
using Parry.Core.Diagnostics;

namespace Parry.Ingest.Tests.Evtx;

/// <summary>Keeps every reported error, in order, for assertions.</summary>
internal sealed class CollectingErrorSink : IInputErrorSink
{
    private readonly ConcurrentQueue<InputError> _errors = new();

    public IReadOnlyList<InputError> Errors => [.. _errors];

    public void Report(InputError error) => _errors.Enqueue(error);
}
