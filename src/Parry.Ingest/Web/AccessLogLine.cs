namespace Parry.Ingest.Web;

/// <summary>
/// The parts of one Apache/Nginx access-log line (common or combined format, optionally after a virtual host and
/// followed by extra fields), as spans of the line. Quoted parts are still escaped as the server wrote them.
/// </summary>
internal ref struct AccessLogLine
{
    public ReadOnlySpan<char> VirtualHost;
    public ReadOnlySpan<char> Client;
    public ReadOnlySpan<char> Ident;
    public ReadOnlySpan<char> User;
    public DateTimeOffset Time;
    public ReadOnlySpan<char> Request;
    public ReadOnlySpan<char> Status;
    public ReadOnlySpan<char> Bytes;
    public ReadOnlySpan<char> Referer;
    public ReadOnlySpan<char> UserAgent;
    public ReadOnlySpan<char> Extra;
    public bool Combined;
}
