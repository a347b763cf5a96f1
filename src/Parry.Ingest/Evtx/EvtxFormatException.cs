namespace Parry.Ingest.Evtx;

/// <summary>
/// Bytes that do not follow the EVTX format: a bad token, a length past its bounds, a broken template. Thrown inside
/// the decoder only and caught at the record or chunk it concerns, which is then reported with its location and
/// skipped.
/// </summary>
internal sealed class EvtxFormatException(string message) : Exception(message);
