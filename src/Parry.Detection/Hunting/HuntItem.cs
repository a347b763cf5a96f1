using Parry.Core.Events;

namespace Parry.Detection.Hunting;

/// <summary>One event's outcome on its way from a file's producer to the single consumer: the event, the
/// detections it raised, and its activity for the behaviour analytics (when it names an actor).
/// <see cref="OrderTicks"/> is the event time (or the last time seen before it in the same file) that files are
/// merged by.</summary>
internal readonly record struct HuntItem(long OrderTicks, long Sequence, Event Event, Core.Detections.Detection[] Detections, Behaviour.Activity? Activity);
