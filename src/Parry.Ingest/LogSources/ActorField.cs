using Parry.Core.Actors;

namespace Parry.Ingest.LogSources;

/// <summary>A field whose value identifies an actor of the given kind.</summary>
public sealed record ActorField(ActorKind Kind, string Field);
