namespace Parry.Ingest.LogSources;

/// <summary>
/// What the behaviour analytics read from a source's events: what was acted on (<see cref="Target"/>), what
/// varies between attempts (<see cref="Item"/>: paths, users, ports), when an attempt failed, and which events are
/// machine-generated follow-ups (a browser fetching a page's assets) to leave out of tempo measures.
/// </summary>
/// <param name="Target">Fields naming the target; the first present wins.</param>
/// <param name="Item">Fields naming the item tried; the first present wins.</param>
/// <param name="Failure">Conditions (any holds) under which the attempt failed; values may use <c>*</c>.</param>
/// <param name="FollowUp">Conditions (any holds) marking a follow-up; values may use <c>*</c>.</param>
public sealed record ActivitySpec(
    IReadOnlyList<string> Target,
    IReadOnlyList<string> Item,
    IReadOnlyList<WhenCondition> Failure,
    IReadOnlyList<WhenCondition> FollowUp)
{
    public static readonly ActivitySpec None = new([], [], [], []);
}
