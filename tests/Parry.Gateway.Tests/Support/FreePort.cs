using System.Net;
using System.Net.Sockets;

namespace Parry.Gateway.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now (the test binds it soon after).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
