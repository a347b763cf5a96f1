using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Parry.Gateway.Approvals;

/// <summary>Talks to one gateway's control socket (what <c>parry approvals</c> uses).</summary>
public sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;

    public ControlClient(string socketPath)
    {
        SocketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, cancellation) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellation).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://parry-control/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string SocketPath { get; }

    public async Task<ControlListing> ListAsync(CancellationToken cancellation = default) =>
        await _http.GetFromJsonAsync("v1/approvals", ControlJsonContext.Default.ControlListing, cancellation).ConfigureAwait(false)
        ?? throw new InvalidOperationException("the gateway sent an empty listing");

    /// <summary>Approves or denies a held call; false when this gateway holds no call with that id.</summary>
    public async Task<bool> DecideAsync(string id, bool approve, string? reason, CancellationToken cancellation = default)
    {
        var route = $"v1/approvals/{Uri.EscapeDataString(id)}/{(approve ? "approve" : "deny")}";
        using var response = await _http.PostAsJsonAsync(route, new ControlReason(reason), ControlJsonContext.Default.ControlReason, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return false;
        response.EnsureSuccessStatusCode();
        return true;
    }

    public void Dispose() => _http.Dispose();
}
