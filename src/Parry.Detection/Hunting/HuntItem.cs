namespace Parry.Detection.Hunting;

/// <summary>One event's outcome on its way from a file's producer to the single consumer: the detections it raised
/// (which hold the event), and its activity for the behaviour analytics (when it names an actor). An event that
/// raised nothing travels as its activity alone, so the merge buffers kilobytes per file, not whole events.
/// <see cref="OrderTicks"/> is the event time (or the last time seen before it in the same file) that files are
/// merged by.</summary>
internal readonly record struct HuntItem(long OrderTicks, long Sequence, Core.Detections.Detection[] Detections, Behaviour.Activity? Activity);
