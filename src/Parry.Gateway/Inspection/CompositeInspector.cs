namespace Parry.Gateway.Inspection;

/// <summary>
/// Runs several inspectors over each call and joins their findings. An exception from any of them propagates: the
/// gateway denies the call rather than judge it with part of its evidence missing.
/// </summary>
public sealed class CompositeInspector(IReadOnlyList<IToolCallInspector> inspectors) : IToolCallInspector
{
    public IReadOnlyList<Finding> Inspect(ToolCallRequest request)
    {
        if (inspectors.Count == 1)
            return inspectors[0].Inspect(request);
        List<Finding>? all = null;
        foreach (var inspector in inspectors)
        {
            var found = inspector.Inspect(request);
            if (found.Count == 0)
                continue;
            all ??= [];
            all.AddRange(found);
        }
        return all ?? (IReadOnlyList<Finding>)[];
    }

    public void Observe(ToolCallRequest request, ToolCallResult result)
    {
        List<Exception>? failures = null;
        foreach (var inspector in inspectors)
        {
            try
            {
                inspector.Observe(request, result);
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }
        if (failures is not null)
            throw new AggregateException("an inspector failed to observe a tool call result", failures);
    }
}
