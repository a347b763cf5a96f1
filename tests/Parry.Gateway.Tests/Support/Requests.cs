using System.Text.Json;
using Parry.Gateway.Inspection;

namespace Parry.Gateway.Tests.Support;

internal static class Requests
{
    public static ToolCallRequest Call(string tool, string argumentsJson = "{}", string server = "srv", string session = "s1") =>
        new("c1", session, "stdio", server, tool, JsonDocument.Parse(argumentsJson).RootElement.Clone(), "1",
            new DateTimeOffset(2025, 11, 25, 0, 0, 0, TimeSpan.Zero));
}
