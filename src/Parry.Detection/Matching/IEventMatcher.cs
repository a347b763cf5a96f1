using Parry.Core.Events;

namespace Parry.Detection.Matching;

/// <summary>
/// Runs the rules that apply to an event and reports what fired. Implementations are immutable after
/// construction and safe to call from many threads at once.
/// </summary>
public interface IEventMatcher
{
    /// <summary>The field table events must be keyed with before they are matched.</summary>
    FieldTable Fields { get; }

    /// <summary>Fills in what the event's log source says about it (its actors, when the decoder gave none),
    /// appends a detection for every rule that fires, and returns what the behaviour analytics need from the event
    /// (null when it names no actor).</summary>
    Behaviour.Activity? Match(Event e, List<Core.Detections.Detection> hits);
}
