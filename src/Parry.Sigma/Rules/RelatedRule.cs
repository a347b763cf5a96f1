namespace Parry.Sigma.Rules;

/// <summary>An entry of a rule's <c>related</c> list: <c>derived</c>, <c>obsolete</c>, <c>merged</c>,
/// <c>renamed</c> or <c>similar</c>.</summary>
public sealed record RelatedRule(string Id, string Type);
