namespace Parry.Detection.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>A group met its correlation's condition: the detection that completed it, the aggregate, and the
/// contributing detections (oldest first, bounded).</summary>
internal readonly record struct Firing(Detection Completing, double Aggregate, Detection[] Related);
