namespace Parry.Agents.Recognisers;

/// <summary>Reads an HTTP client's command line (curl, wget, HTTPie, PowerShell's Invoke-WebRequest) into an
/// <see cref="HttpRequest"/>.</summary>
internal static class HttpClientOptions
{
    // curl options that take a value but do not matter here: skipping them keeps their values from being read as URLs.
    private static readonly HashSet<string> CurlValueOptions = new(StringComparer.Ordinal)
    {
        "-o", "--output", "-x", "--proxy", "-U", "--proxy-user", "-E", "--cert", "--cacert", "--capath", "-m", "--max-time",
        "-w", "--write-out", "-r", "--range", "-C", "--continue-at", "-c", "--cookie-jar", "-D", "--dump-header", "-y",
        "--speed-time", "-Y", "--speed-limit", "-z", "--time-cond", "-K", "--config", "--connect-timeout", "--resolve",
        "--retry", "--interface", "--limit-rate", "-Q", "--quote", "-t", "--telnet-option", "--key", "--connect-to",
        "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-u", "--user", "--max-redirs", "--retry-delay",
        "--unix-socket", "--output-dir", "--trace", "--trace-ascii", "--stderr", "-P", "--ftp-port", "--mail-from", "--mail-rcpt",
    };

    private static readonly HashSet<string> WgetValueOptions = new(StringComparer.Ordinal)
    {
        "-O", "--output-document", "-o", "--output-file", "-a", "--append-output", "-U", "--user-agent", "-P",
        "--directory-prefix", "-t", "--tries", "-T", "--timeout", "-e", "--execute", "--user", "--password", "-i", "--input-file",
        "--referer", "--load-cookies", "--save-cookies", "-w", "--wait", "-l", "--level", "-A", "--accept", "-R", "--reject",
    };

    public static HttpRequest? Read(string program, IReadOnlyList<string> arguments) => program switch
    {
        "curl" => Curl(arguments),
        "wget" => Wget(arguments),
        "http" or "https" or "httpie" or "xh" => HttPie(program, arguments),
        "invoke-webrequest" or "iwr" or "invoke-restmethod" or "irm" => PowerShell(arguments),
        "lwp-request" or "aria2c" or "fetch" or "lynx" or "links" => UrlsOnly(arguments),
        _ => null,
    };

    private static HttpRequest Curl(IReadOnlyList<string> arguments)
    {
        var request = new HttpRequest();
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            var (name, value, attached) = Split(word, arguments, i);
            switch (name)
            {
                case "-X" or "--request":
                    request.Method = value;
                    break;
                case "-d" or "--data" or "--data-raw" or "--data-binary" or "--data-ascii" or "--data-urlencode" or "--json":
                    if (value is not null)
                    {
                        if (value.StartsWith('@') && value.Length > 1 && value != "@-" && name != "--data-raw")
                            request.Uploads.Add(value[1..]);
                        else
                            request.Bodies.Add(value);
                    }
                    break;
                case "-F" or "--form" or "--form-string":
                    if (value is not null)
                        Form(value, request, name == "--form-string");
                    break;
                case "-T" or "--upload-file":
                    if (value is not null && value != "-")
                        request.Uploads.Add(value);
                    break;
                case "-H" or "--header":
                    if (value is not null)
                        request.Headers.Add(value);
                    break;
                case "--url":
                    if (value is not null)
                        request.Urls.Add(Url(value));
                    break;
                case "-G" or "--get":
                    request.Method ??= "GET";
                    continue;
                default:
                    if (name is not null && CurlValueOptions.Contains(name))
                    {
                        if (!attached)
                            i++;
                        continue;
                    }
                    if (!word.StartsWith('-'))
                        request.Urls.Add(Url(word));
                    continue;
            }
            if (!attached && value is not null)
                i++;
        }
        return request;
    }

    private static HttpRequest Wget(IReadOnlyList<string> arguments)
    {
        var request = new HttpRequest();
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            var (name, value, attached) = Split(word, arguments, i);
            switch (name)
            {
                case "--post-data" or "--body-data":
                    if (value is not null)
                        request.Bodies.Add(value);
                    request.Method ??= "POST";
                    break;
                case "--post-file" or "--body-file":
                    if (value is not null)
                        request.Uploads.Add(value);
                    request.Method ??= "POST";
                    break;
                case "--method":
                    request.Method = value;
                    break;
                case "--header":
                    if (value is not null)
                        request.Headers.Add(value);
                    break;
                default:
                    if (name is not null && WgetValueOptions.Contains(name))
                    {
                        if (!attached)
                            i++;
                        continue;
                    }
                    if (!word.StartsWith('-'))
                        request.Urls.Add(Url(word));
                    continue;
            }
            if (!attached && value is not null)
                i++;
        }
        return request;
    }

    // http [METHOD] URL [ITEM …]: Header:Value, field=value, field==query, field:=json, field@file.
    private static HttpRequest HttPie(string program, IReadOnlyList<string> arguments)
    {
        var request = new HttpRequest();
        var operands = arguments.Where(a => !a.StartsWith('-')).ToList();
        var i = 0;
        if (operands.Count > 1 && operands[0].All(char.IsAsciiLetterUpper))
            request.Method = operands[i++];
        if (i < operands.Count)
        {
            var url = operands[i++];
            request.Urls.Add(url.Contains("://", StringComparison.Ordinal) ? url : (program == "https" ? "https://" : "http://") + url.TrimStart(':'));
        }
        for (; i < operands.Count; i++)
        {
            var item = operands[i];
            var at = item.IndexOf('@');
            var equals = item.IndexOf('=');
            var colon = item.IndexOf(':');
            if (at > 0 && (equals < 0 || at < equals))
                request.Uploads.Add(item[(at + 1)..]);
            else if (equals > 0 && (colon < 0 || equals < colon || item[colon + 1] == '='))
                request.Bodies.Add(item[(equals + 1)..].TrimStart('='));
            else if (colon > 0)
                request.Headers.Add(item);
        }
        return request;
    }

    private static HttpRequest PowerShell(IReadOnlyList<string> arguments)
    {
        var request = new HttpRequest();
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (!word.StartsWith('-'))
            {
                request.Urls.Add(word);
                continue;
            }
            if (i + 1 >= arguments.Count)
                break;
            var name = word.ToLowerInvariant();
            var value = arguments[i + 1];
            switch (name)
            {
                case "-uri" or "-url" or "-u":
                    request.Urls.Add(value);
                    break;
                case "-method":
                    request.Method = value;
                    break;
                case "-body":
                    request.Bodies.Add(value);
                    break;
                case "-infile":
                    request.Uploads.Add(value);
                    break;
                case "-headers":
                    request.Headers.Add(value);
                    break;
                case "-usebasicparsing" or "-usedefaultcredentials" or "-skipcertificatecheck" or "-disablekeepalive":
                    continue;
            }
            i++;
        }
        return request;
    }

    private static HttpRequest UrlsOnly(IReadOnlyList<string> arguments)
    {
        var request = new HttpRequest();
        foreach (var word in arguments)
        {
            if (word.Contains("://", StringComparison.Ordinal))
                request.Urls.Add(word);
        }
        return request;
    }

    // -F name=@file;type=x uploads a file; name=<file sends its content; name=value is a field.
    private static void Form(string value, HttpRequest request, bool literal)
    {
        var equals = value.IndexOf('=');
        if (equals < 0)
            return;
        var content = value[(equals + 1)..];
        if (!literal && content.Length > 1 && content[0] is '@' or '<')
        {
            var semicolon = content.IndexOf(';');
            request.Uploads.Add(semicolon > 0 ? content[1..semicolon] : content[1..]);
        }
        else
        {
            request.Bodies.Add(content);
        }
    }

    private static string Url(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.Length == 0 ? word : "http://" + word;

    // -Xvalue, --name=value, or -X value; returns the option name (null for an operand) and its value.
    private static (string? Name, string? Value, bool Attached) Split(string word, IReadOnlyList<string> arguments, int index)
    {
        if (word.Length < 2 || word[0] != '-')
            return (null, null, false);
        if (word.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = word.IndexOf('=');
            if (equals > 0)
                return (word[..equals], word[(equals + 1)..], true);
            return (word, index + 1 < arguments.Count ? arguments[index + 1] : null, false);
        }
        if (word.Length > 2)
            return (word[..2], word[2..], true);
        return (word, index + 1 < arguments.Count ? arguments[index + 1] : null, false);
    }
}
