namespace Parry.Gateway.Hosting;

/// <summary>The gateway's messages for the person running it (stderr): serialised, one line each, prefixed.</summary>
public sealed class Diagnostics(TextWriter writer)
{
    private readonly Lock _gate = new();

    public void Report(string message)
    {
        lock (_gate)
        {
            writer.WriteLine("parry gateway: " + message);
            writer.Flush();
        }
    }

    /// <summary>Relays one line of the server's own stderr, unprefixed.</summary>
    public void Relay(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
