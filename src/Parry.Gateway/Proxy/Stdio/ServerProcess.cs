using System.ComponentModel;
using System.Diagnostics;
using Parry.Gateway.Hosting;

namespace Parry.Gateway.Proxy.Stdio;

/// <summary>The real MCP server as a child process: its stdin and stdout are the server side of the stdio proxy.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public Stream Input => _process.StandardInput.BaseStream;

    public Stream Output => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the server; a command that cannot be started throws with the reason.</summary>
    public static ServerProcess Start(IReadOnlyList<string> command)
    {
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
            info.ArgumentList.Add(argument);
        try
        {
            return new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("the process did not start"));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start '{command[0]}': {e.Message}", e);
        }
    }

    /// <summary>Copies the server's stderr, line by line, to the gateway's stderr.</summary>
    public async Task RelayStandardErrorAsync(Diagnostics diagnostics)
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
                diagnostics.Relay(line);
        }
        catch (IOException)
        {
            // The server went away; its exit is reported by the proxy.
        }
    }

    /// <summary>Closes the server's stdin, waits <paramref name="grace"/> for it to exit, then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        _process.Dispose();
    }
}
