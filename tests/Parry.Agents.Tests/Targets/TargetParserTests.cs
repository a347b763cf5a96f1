using FsCheck;
using FsCheck.Fluent;
using Parry.Agents.Targets;

namespace Parry.Agents.Tests.Targets;

public class TargetParserTests
{
    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("1..2.3", false)]
    [InlineData("a.b.c.d", false)]
    [InlineData("3.10.4.0", true)]
    public void Strict_dotted_quads(string text, bool expected)
    {
        TargetParser.TryParseIPv4(text, out _).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2001:db8::1", true)]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("fe80::1%eth0", true)]
    [InlineData("12:30:45", false)]
    [InlineData("::", true)]
    [InlineData("a:b", false)]
    [InlineData("std::vector", false)]
    public void Addresses(string text, bool expected)
    {
        TargetParser.TryParseAddress(text, out _).ShouldBe(expected);
    }

    [Theory]
    [InlineData("web.chal.csaw.io", false, true)]
    [InlineData("example.com", false, true)]
    [InlineData("setup.py", false, false)]
    [InlineData("setup.py", true, true)]
    [InlineData("README.md", false, false)]
    [InlineData("marshmallow.fields", false, false)]
    [InlineData("os.path.join", false, false)]
    [InlineData("localhost", false, true)]
    [InlineData("db01", false, false)]
    [InlineData("-bad-.com", false, false)]
    [InlineData("a..b.com", false, false)]
    [InlineData("box.htb", false, true)]
    public void Host_names(string text, bool expected, bool result)
    {
        TargetParser.IsHostName(text, expected).ShouldBe(result);
    }

    [Theory]
    [InlineData("22", new[] { "22" })]
    [InlineData("22,80,443", new[] { "22", "80", "443" })]
    [InlineData("1-1024", new[] { "1-1024" })]
    [InlineData("T:80,U:53", new[] { "80", "53" })]
    [InlineData("-", new[] { "1-65535" })]
    [InlineData("8000-", new[] { "8000-65535" })]
    [InlineData("-100", new[] { "1-100" })]
    [InlineData("0,70000,abc", new string[0])]
    public void Port_lists(string text, string[] expected)
    {
        TargetParser.ParsePorts(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("http://user:pw@Web.Example.com:8080/a/b?x=1#f", "http", "web.example.com", 8080, "/a/b", "x=1")]
    [InlineData("https://[2001:db8::1]:8443/", "https", "2001:db8::1", 8443, "/", "")]
    [InlineData("ftp://203.0.113.5", "ftp", "203.0.113.5", null, "", "")]
    [InlineData("s3://bucket/key", "s3", "bucket", null, "/key", "")]
    public void Urls(string url, string scheme, string host, int? port, string path, string query)
    {
        UrlParts.TryParse(url, out var parts).ShouldBeTrue();
        parts.Scheme.ShouldBe(scheme);
        parts.Host.ShouldBe(host);
        parts.Port.ShouldBe(port);
        parts.Path.ShouldBe(path);
        parts.Query.ShouldBe(query);
    }

    [Fact]
    public void Urls_are_found_in_text_without_trailing_punctuation()
    {
        UrlParts.FindAll("see (https://a.example.com/x), then 'http://10.0.0.1:8000/y'.").Select(u => u.Url)
            .ShouldBe(["https://a.example.com/x", "http://10.0.0.1:8000/y"]);
    }

    [Fact]
    public void Parsing_random_text_never_throws()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var value = text ?? "";
            TargetParser.TryParseAddress(value, out _);
            TargetParser.TryParseCidr(value, out _, out _);
            TargetParser.IsHostName(value, true);
            TargetParser.TrySplitHostPort(value, out _, out _);
            TargetParser.ParsePorts(value);
            UrlParts.FindAll(value);
            UrlParts.FindAll("http://" + value);
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
