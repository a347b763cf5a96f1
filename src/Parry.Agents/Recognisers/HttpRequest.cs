namespace Parry.Agents.Recognisers;

/// <summary>An HTTP request as a client's options describe it: method, URLs, body values, form fields, headers, and
/// local files it sends.</summary>
internal sealed class HttpRequest
{
    public string? Method { get; set; }

    public List<string> Urls { get; } = [];

    /// <summary>Request bodies as given (<c>-d</c>, <c>--post-data</c>, <c>-Body</c>).</summary>
    public List<string> Bodies { get; } = [];

    public List<string> Headers { get; } = [];

    /// <summary>Local files the request sends (<c>-T file</c>, <c>-F x=@file</c>, <c>-d @file</c>, <c>--post-file</c>,
    /// <c>-InFile</c>).</summary>
    public List<string> Uploads { get; } = [];

    public string EffectiveMethod => Method?.ToUpperInvariant() ?? (Bodies.Count > 0 || Uploads.Count > 0 ? "POST" : "GET");
}
