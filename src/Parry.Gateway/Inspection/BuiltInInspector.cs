namespace Parry.Gateway.Inspection;

/// <summary>
/// The inspector that needs nothing but the policy: it reports the targets it finds in the arguments. Tool rules, rate
/// limits and scope are applied by the policy on top of its findings.
/// </summary>
public sealed class BuiltInInspector(TargetExtractor extractor) : IToolCallInspector
{
    public const string Name = "builtin";

    public BuiltInInspector()
        : this(new TargetExtractor())
    {
    }

    public IReadOnlyList<Finding> Inspect(ToolCallRequest request) => extractor.Extract(request.Arguments, Name);

    public void Observe(ToolCallRequest request, ToolCallResult result)
    {
        // Nothing to learn from results without the full engine.
    }
}
