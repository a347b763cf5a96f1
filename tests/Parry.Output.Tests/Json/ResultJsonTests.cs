using System.Text;
using System.Text.Json;
using Parry.Core.Actors;
using Parry.Core.Campaigns;
using Parry.Core.Detections;
using Parry.Core.Events;
using Parry.Output.Json;
using Parry.TestSupport;

namespace Parry.Output.Tests.Json;

public class ResultJsonTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 12, 3, 412, TimeSpan.Zero);

    private static Campaign CampaignAt(DateTimeOffset first, DateTimeOffset last) => new(
        "C-1", new Actor(ActorKind.Ip, "203.0.113.7"), first, last, ["reconnaissance", "credential-access"], ["T1595"], 3,
        ["web01"], Level.High,
        new AutonomyScore(0.85, [new AutonomySignal("median_gap_s", 0.4, 1.3, true, 0.15, "median gap")]))
    {
        Timeline = [new TacticStep("reconnaissance", first, 2, "Probe Burst"), new TacticStep("credential-access", last, 1, "Brute Force")],
        LinkedActors = [new Actor(ActorKind.User, "svc-backup")],
    };

    private static JsonElement Write(Campaign campaign)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
            ResultJson.WriteCampaign(w, campaign);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement.Clone();
    }

    [Fact]
    public void A_campaign_has_the_contract_fields_with_every_autonomy_signal()
    {
        var json = Write(CampaignAt(Start, Start.AddSeconds(95)));
        json.GetProperty("type").GetString().ShouldBe("campaign");
        json.GetProperty("actor").GetProperty("kind").GetString().ShouldBe("ip");
        json.GetProperty("actor").GetProperty("value").GetString().ShouldBe("203.0.113.7");
        json.GetProperty("first_seen").GetString().ShouldBe("2026-03-14T09:12:03.412Z");
        json.GetProperty("last_seen").GetString().ShouldBe("2026-03-14T09:13:38.412Z");
        json.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()).ShouldBe(["reconnaissance", "credential-access"]);
        json.GetProperty("level").GetString().ShouldBe("high");
        var signal = json.GetProperty("autonomy").GetProperty("signals").EnumerateArray().ShouldHaveSingleItem();
        signal.GetProperty("name").GetString().ShouldBe("median_gap_s");
        signal.GetProperty("threshold").GetDouble().ShouldBe(1.3);
        signal.GetProperty("fired").GetBoolean().ShouldBeTrue();
        json.GetProperty("autonomy").GetProperty("score").GetDouble().ShouldBe(0.85);
        json.GetProperty("timeline")[1].GetProperty("first_seen").GetString().ShouldBe("2026-03-14T09:13:38.412Z");
        json.GetProperty("linked_actors")[0].GetProperty("value").GetString().ShouldBe("svc-backup");
    }

    [Fact]
    public void A_campaign_of_undated_input_has_null_times_rather_than_year_one()
    {
        var undated = new DateTimeOffset(0, TimeSpan.Zero);
        var json = Write(CampaignAt(undated, undated));
        json.GetProperty("first_seen").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("last_seen").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("timeline")[0].GetProperty("first_seen").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static JsonElement Write(Core.Detections.Detection detection)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
            ResultJson.WriteDetection(w, detection);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement.Clone();
    }

    [Fact]
    public void A_detection_lists_its_rules_tactics_and_techniques_once_each_for_every_detection_of_the_rule()
    {
        var rule = new RuleInfo("r-1", "Rule", Level.High,
            ["attack.execution", "attack.t1059.001", "attack.Execution", "attack.T1059.001", "attack.t1105", "cve.2021-44228"]);
        var e = JsonEvents.FromJson("""{"Image": "C:\\cmd.exe"}""", FieldTable.Empty);
        // The rule's names are worked out once and reused: the second detection must say exactly what the first did.
        foreach (var json in new[] { Write(new Core.Detections.Detection(rule, e, null)), Write(new Core.Detections.Detection(rule, e, null)) })
        {
            json.GetProperty("tags").GetArrayLength().ShouldBe(6);
            json.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()).ShouldBe(["execution"]);
            json.GetProperty("techniques").EnumerateArray().Select(t => t.GetString()).ShouldBe(["T1059.001", "T1105"]);
        }
        // An equal rule that is another object is not confused with it, nor a rule without ATT&CK tags.
        var untagged = Write(new Core.Detections.Detection(rule with { Tags = ["cve.2021-44228"] }, e, null));
        untagged.GetProperty("tactics").GetArrayLength().ShouldBe(0);
        untagged.GetProperty("techniques").GetArrayLength().ShouldBe(0);
    }
}
