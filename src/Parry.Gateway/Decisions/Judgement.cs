using Parry.Gateway.Policy;

namespace Parry.Gateway.Decisions;

/// <summary>
/// The first, synchronous stage of judging a tools/call: forward it, answer it with <see cref="Response"/> (a denial;
/// null when the call had no id to answer), or hold it for a human (<see cref="Call"/> then awaits approval).
/// </summary>
internal readonly record struct Judgement(PolicyAction Action, CallContext? Call, byte[]? Response);
