namespace Parry.Gateway.Inspection;

/// <summary>
/// Runs several inspectors over each call and joins their findings; a target two of them found is kept once (the
/// first inspector's finding). An exception from any of them propagates: the gateway denies the call rather than
/// judge it with part of its evidence missing.
/// </summary>
public sealed class CompositeInspector(IReadOnlyList<IToolCallInspector> inspectors) : IToolCallInspector
{
    // An array, walked by index: a foreach through the list's interface boxes an enumerator (three per call).
    private readonly IToolCallInspector[] _inspectors = [.. inspectors];

    public IReadOnlyList<Finding> Inspect(ToolCallRequest request)
    {
        if (_inspectors.Length == 1)
            return _inspectors[0].Inspect(request);
        List<Finding>? all = null;
        foreach (var inspector in _inspectors)
        {
            var found = inspector.Inspect(request);
            if (found.Count == 0)
                continue;
            if (all is null)
            {
                all = [.. found];
                continue;
            }
            for (var i = 0; i < found.Count; i++)
            {
                var finding = found[i];
                if (finding.Kind != FindingKind.Target || !HasTarget(all, finding))
                    all.Add(finding);
            }
        }
        return all ?? (IReadOnlyList<Finding>)[];
    }

    public void Observe(ToolCallRequest request, ToolCallResult result) =>
        ForEach((request, result), static (inspector, call) => inspector.Observe(call.request, call.result), "observe a tool call result");

    public void Decided(ToolCallRequest request, CallDecision decision) =>
        ForEach((request, decision), static (inspector, call) => inspector.Decided(call.request, call.decision), "follow a decision");

    private static bool HasTarget(List<Finding> findings, Finding target)
    {
        foreach (var finding in findings)
        {
            if (finding.Kind == FindingKind.Target && finding.TargetKind == target.TargetKind
                && string.Equals(finding.Target, target.Target, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    // Every inspector hears about every call, even when one of them fails. The call travels as state beside a static
    // lambda: no closure allocated for each call.
    private void ForEach<TState>(TState state, Action<IToolCallInspector, TState> action, string what)
    {
        List<Exception>? failures = null;
        foreach (var inspector in _inspectors)
        {
            try
            {
                action(inspector, state);
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }
        if (failures is not null)
            throw new AggregateException($"an inspector failed to {what}", failures);
    }
}
