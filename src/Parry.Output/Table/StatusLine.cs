using Parry.Detection.Reporting;

namespace Parry.Output.Table;

/// <summary>
/// The progress bar of a long run: one line on the terminal's stderr, redrawn in place, shown once the run has
/// taken more than a second and only when stderr is a terminal. Result lines printed to the same terminal clear it
/// first (<see cref="Clear"/>), so the two never garble each other.
/// </summary>
public sealed class StatusLine(TextWriter terminal, TimeProvider time) : IHuntProgress
{
    private static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);
    private readonly Lock _lock = new();
    private readonly long _started = time.GetTimestamp();
    private long _lastDraw;
    private bool _visible;
    private HuntProgress _last;

    public void Report(HuntProgress progress)
    {
        lock (_lock)
        {
            _last = progress;
            var now = time.GetTimestamp();
            if (time.GetElapsedTime(_started, now) < ShowAfter || (_visible && time.GetElapsedTime(_lastDraw, now) < RedrawEvery))
                return;
            Draw(progress);
            _lastDraw = now;
        }
    }

    /// <summary>Removes the bar (before a result line is printed, or at the end).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (!_visible)
                return;
            terminal.Write("\r\u001b[2K");
            terminal.Flush();
            _visible = false;
        }
    }

    /// <summary>Draws the bar again after a result line, if it was showing.</summary>
    public void Restore()
    {
        lock (_lock)
        {
            if (_lastDraw != 0)
                Draw(_last);
        }
    }

    private void Draw(HuntProgress p)
    {
        const int width = 30;
        var fraction = p.BytesTotal > 0 ? Math.Clamp((double)p.BytesDone / p.BytesTotal, 0, 1) : 0;
        var filled = (int)(fraction * width);
        var elapsed = time.GetElapsedTime(_started).TotalSeconds;
        var rate = elapsed > 0 ? p.Events / elapsed : 0;
        var line = $"\r\u001b[2K[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0}  " +
                   $"files {p.FilesDone}/{p.FilesTotal}  events {p.Events:N0} ({rate:N0}/s)  detections {p.Detections:N0}";
        terminal.Write(line);
        terminal.Flush();
        _visible = true;
    }
}
