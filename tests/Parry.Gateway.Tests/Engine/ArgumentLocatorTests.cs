using System.Text.Json;
using Parry.Gateway.Engine;

namespace Parry.Gateway.Tests.Engine;

public class ArgumentLocatorTests
{
    [Theory]
    [InlineData("""{"command":"nmap -sV 10.0.0.5"}""", "10.0.0.5", "command")]
    [InlineData("""{"options":{"hosts":["a.example","B.Example.org"]}}""", "b.example.org", "options.hosts")]
    [InlineData("""{"a":{"":{"b":"x 10.1.1.1"}}}""", "10.1.1.1", "a..b")]
    [InlineData("""{"":{"b":"10.1.1.1"}}""", "10.1.1.1", "b")]
    [InlineData("""{"a":{"":"10.1.1.1"}}""", "10.1.1.1", "a.")]
    [InlineData("""{"url":"http:\/\/lab.example\/x"}""", "lab.example", "url")]
    [InlineData("""{"note":"café at 10.2.2.2"}""", "10.2.2.2", "note")]
    [InlineData("""["10.3.3.3"]""", "10.3.3.3", ArgumentLocator.Unknown)]
    [InlineData("""{"command":"ls"}""", "10.0.0.5", ArgumentLocator.Unknown)]
    public void Names_the_argument_that_holds_the_target_by_its_dotted_path(string json, string target, string expected) =>
        ArgumentLocator.Find(JsonDocument.Parse(json).RootElement, target).ShouldBe(expected);
}
