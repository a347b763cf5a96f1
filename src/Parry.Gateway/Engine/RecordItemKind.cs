namespace Parry.Gateway.Engine;

internal enum RecordItemKind : byte
{
    Call,
    Tick,
    Barrier,
    Finish,
}
