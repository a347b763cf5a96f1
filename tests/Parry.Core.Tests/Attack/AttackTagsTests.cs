using Parry.Core.Attack;

namespace Parry.Core.Tests.Attack;

public class AttackTagsTests
{
    [Theory]
    [InlineData("attack.credential_access", "credential-access")]
    [InlineData("attack.Credential-Access", "credential-access")]
    [InlineData("attack.stealth", "defense-evasion")]
    [InlineData("attack.defense-impairment", "defense-evasion")]
    [InlineData("attack.command_and_control", "command-and-control")]
    public void Tactic_tags_map_to_the_contract_names(string tag, string tactic) =>
        AttackTags.Tactics([tag]).ShouldBe([tactic]);

    [Theory]
    [InlineData("attack.t1059.001", "T1059.001")]
    [InlineData("attack.T1190", "T1190")]
    public void Technique_tags_are_written_as_attack_writes_them(string tag, string technique) =>
        AttackTags.Techniques([tag]).ShouldBe([technique]);

    [Theory]
    [InlineData("attack.g0016")]
    [InlineData("attack.s0002")]
    [InlineData("attack.t10")]
    [InlineData("attack.t1059.1")]
    [InlineData("cve.2021-44228")]
    [InlineData("attack.nonsense")]
    public void Other_tags_are_neither(string tag)
    {
        AttackTags.Tactics([tag]).ShouldBeEmpty();
        AttackTags.Techniques([tag]).ShouldBeEmpty();
    }

    [Fact]
    public void Tactics_are_ranked_in_kill_chain_order()
    {
        AttackTactics.OrderOf("reconnaissance").ShouldBeLessThan(AttackTactics.OrderOf("initial-access"));
        AttackTactics.OrderOf("exfiltration").ShouldBeLessThan(AttackTactics.OrderOf("impact"));
        AttackTactics.OrderOf("nonsense").ShouldBe(-1);
    }
}
