using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;

namespace Parry.Gateway.Approvals;

/// <summary>
/// What <c>parry approvals list|approve|deny</c> does: talk to one gateway's control socket (<c>--control</c>), or to
/// every gateway in the default folder. Exit codes: 0 done, 1 no gateway reachable or no such held call.
/// </summary>
public static class ApprovalsConsole
{
    public static async Task<int> ListAsync(string? control, bool json, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var sockets = Sockets(control);
        var listings = new List<ControlListing>();
        foreach (var socket in sockets)
        {
            using var client = new ControlClient(socket);
            try
            {
                listings.Add(await client.ListAsync(cancellation).ConfigureAwait(false));
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException or JsonException)
            {
                if (control is not null)
                {
                    await error.WriteLineAsync($"parry approvals: cannot reach the gateway at {socket}: {e.Message}").ConfigureAwait(false);
                    return 1;
                }
            }
        }
        if (listings.Count == 0)
        {
            await error.WriteLineAsync($"parry approvals: no running gateway found in {ControlPaths.DefaultDirectory} (use --control PATH)").ConfigureAwait(false);
            return 1;
        }
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(listings, ControlJsonContext.Default.ListControlListing)).ConfigureAwait(false);
            return 0;
        }
        var any = false;
        foreach (var listing in listings)
        {
            foreach (var p in listing.Pending)
            {
                any = true;
                var left = p.ExpiresAt - DateTimeOffset.UtcNow;
                await output.WriteLineAsync($"{p.Id}  {p.Server}/{p.Tool}  rule {p.Rule}  expires in {Math.Max(0, left.TotalSeconds):0}s  (gateway pid {listing.Gateway.Pid}, session {p.Session})").ConfigureAwait(false);
                await output.WriteLineAsync($"    why:       {p.Reason}").ConfigureAwait(false);
                await output.WriteLineAsync($"    arguments: {p.Arguments}").ConfigureAwait(false);
                foreach (var finding in p.Findings)
                    await output.WriteLineAsync($"    finding:   {finding}").ConfigureAwait(false);
            }
        }
        if (!any)
            await output.WriteLineAsync("no held calls").ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> DecideAsync(string id, bool approve, string? reason, string? control, TextWriter output, TextWriter error,
        CancellationToken cancellation = default)
    {
        foreach (var socket in Sockets(control))
        {
            using var client = new ControlClient(socket);
            try
            {
                if (await client.DecideAsync(id, approve, reason, cancellation).ConfigureAwait(false))
                {
                    await output.WriteLineAsync($"{id}: {(approve ? "approved" : "denied")}").ConfigureAwait(false);
                    return 0;
                }
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
            {
                if (control is not null)
                {
                    await error.WriteLineAsync($"parry approvals: cannot reach the gateway at {socket}: {e.Message}").ConfigureAwait(false);
                    return 1;
                }
            }
        }
        await error.WriteLineAsync($"parry approvals: no gateway holds a call with id {id}").ConfigureAwait(false);
        return 1;
    }

    private static IReadOnlyList<string> Sockets(string? control) => control is not null ? [control] : ControlPaths.FindSockets();
}
