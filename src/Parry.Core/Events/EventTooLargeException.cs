namespace Parry.Core.Events;

/// <summary>A record exceeded <see cref="EventLimits"/>; the decoder reports it with its location and goes on.</summary>
public sealed class EventTooLargeException(string message) : Exception(message);
