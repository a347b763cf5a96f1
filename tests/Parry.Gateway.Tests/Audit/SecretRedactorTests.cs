using System.Text;
using System.Text.Json;
using Parry.Gateway.Audit;

namespace Parry.Gateway.Tests.Audit;

public class SecretRedactorTests
{
    private static string Redact(string json)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            SecretRedactor.WriteRedacted(JsonDocument.Parse(json).RootElement, writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Secret_named_arguments_are_masked_whatever_their_shape()
    {
        Redact("""{"user":"bob","password":"hunter2","api_key":"k","nested":{"Client-Secret":["a","b"]},"pin":1234,"count":3}""")
            .ShouldBe("""{"user":"bob","password":"[REDACTED]","api_key":"[REDACTED]","nested":{"Client-Secret":["[REDACTED]","[REDACTED]"]},"pin":"[REDACTED]","count":3}""");
    }

    [Theory]
    [InlineData("curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijk' http://x", "eyJhbGci")]
    [InlineData("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpw")]
    [InlineData("aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI")]
    [InlineData("Server=db;User Id=sa;Password=S3cr3t!;Database=x", "S3cr3t!")]
    [InlineData("postgres://admin:s3cret@db.lab:5432/app", "s3cret")]
    [InlineData("mysql --password=topsecret -u root", "topsecret")]
    [InlineData("tool --token abc123def456", "abc123def456")]
    [InlineData("https://api.example.com/v1?api_key=ZZZ999&x=1", "ZZZ999")]
    [InlineData("export GITHUB_TOKEN=ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ghp_aaaa")]
    [InlineData("key: sk-ant-api03-abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnop")]
    [InlineData("xoxb-123456789012-abcdefghij", "xoxb-1234")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1r")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA truncated", "MIIEpAIBAA")]
    public void Secrets_inside_text_are_masked(string text, string secret)
    {
        var redacted = SecretRedactor.RedactText(text);
        redacted.ShouldNotContain(secret);
        redacted.ShouldContain("REDACTED");
    }

    [Fact]
    public void Ordinary_text_is_kept() =>
        SecretRedactor.RedactText("nmap -sV -p 22,80 10.10.0.5 --open").ShouldBe("nmap -sV -p 22,80 10.10.0.5 --open");

    [Theory]
    [InlineData("""{"command":"ls -la"}""")]
    [InlineData("""{"path":"src/Program.cs","content":"namespace App;\npublic static class Util {}"}""")]
    [InlineData("""{"user":"bob","password":"hunter2"}""")]
    [InlineData("""{"pin":1234}""")]
    [InlineData("""{"count":3,"flags":[true,false,null]}""")]
    [InlineData("""{"command":"mysql --password=topsecret -u root"}""")]
    [InlineData("""{"urls":["https://example.com","postgres://admin:s3cret@db.lab:5432/app"]}""")]
    [InlineData("""{"nested":{"Client-Secret":["a"]}}""")]
    [InlineData("""{"password":""}""")]
    [InlineData("""{"pass\u0077ord":"x"}""")]
    [InlineData("""{"header":"Authorization: Bearer abc\u0031234567890"}""")]
    [InlineData("""{"note":"café \u00e9t\u00e9","auth":"naïve"}""")]
    [InlineData("""{"note":"contraseña: token=ñandú-42"}""")]
    [InlineData("""{"k":"ab"}""")]
    [InlineData("deep")]
    public void WouldRedact_says_exactly_when_writing_the_redacted_copy_changes_something(string json)
    {
        // "deep": arrays nested past the redactor's depth limit, which it replaces.
        if (json == "deep")
            json = new string('[', 70) + new string(']', 70);
        var value = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 }).RootElement;
        using var stream = new MemoryStream();
        using var writer = new Utf8JsonWriter(stream);
        var changed = SecretRedactor.WriteRedactedChanged(value, writer);

        SecretRedactor.WouldRedact(value).ShouldBe(changed);
    }
}
