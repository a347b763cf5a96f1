using Parry.Gateway.Approvals;
using Parry.Gateway.Tests.Support;

namespace Parry.Gateway.Tests.Approvals;

public class ApprovalQueueTests
{
    private static PendingApproval View(string id) =>
        new(id, "s", "srv", "tool", "{}", "scope", "why", [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task An_operator_approves_a_held_call()
    {
        var queue = new ApprovalQueue(new ManualTime());
        var hold = queue.HoldAsync(View("a"), TimeSpan.FromMinutes(1), CancellationToken.None);
        queue.List().Single().Id.ShouldBe("a");
        queue.Approve("a", "ok by me").ShouldBeTrue();
        var outcome = await hold;
        outcome.Approved.ShouldBeTrue();
        outcome.By.ShouldBe("operator");
        outcome.Reason.ShouldBe("ok by me");
        queue.Count.ShouldBe(0);
        queue.Approve("a", null).ShouldBeFalse();
    }

    [Fact]
    public async Task The_timeout_denies_on_the_fake_clock()
    {
        var time = new ManualTime();
        var queue = new ApprovalQueue(time);
        var hold = queue.HoldAsync(View("b"), TimeSpan.FromSeconds(120), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(119));
        hold.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await hold.WaitAsync(TimeSpan.FromSeconds(10));
        outcome.Approved.ShouldBeFalse();
        outcome.By.ShouldBe("timeout");
        outcome.Held.ShouldBe(TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task A_client_that_goes_away_ends_the_hold()
    {
        var queue = new ApprovalQueue(new ManualTime());
        using var gone = new CancellationTokenSource();
        var hold = queue.HoldAsync(View("c"), TimeSpan.FromSeconds(120), gone.Token, () => "the server exited");
        await gone.CancelAsync();
        var outcome = await hold.WaitAsync(TimeSpan.FromSeconds(10));
        outcome.By.ShouldBe("client");
        outcome.Reason.ShouldBe("the server exited");
    }

    [Fact]
    public async Task Only_the_first_decision_counts()
    {
        var queue = new ApprovalQueue(new ManualTime());
        var hold = queue.HoldAsync(View("d"), TimeSpan.FromSeconds(120), CancellationToken.None);
        queue.Deny("d", "no").ShouldBeTrue();
        queue.Approve("d", "yes").ShouldBeFalse();
        (await hold).Approved.ShouldBeFalse();
    }
}
