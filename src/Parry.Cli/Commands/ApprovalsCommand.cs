using System.CommandLine;
using Parry.Gateway.Approvals;

namespace Parry.Cli.Commands;

/// <summary><c>parry approvals list|approve ID|deny ID</c>: talks to running gateways through <see cref="ApprovalsConsole"/>.</summary>
internal static class ApprovalsCommand
{
    public static Command Create()
    {
        var control = new Option<string?>("--control") { Description = "one gateway's control socket (default: every gateway of this user)", Recursive = true };

        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var list = new Command("list", "list the tool calls held for approval") { format };
        list.SetAction((result, cancellation) => ApprovalsConsole.ListAsync(
            result.GetValue(control), result.GetValue(format) == "json", Console.Out, Console.Error, cancellation));

        var approvals = new Command("approvals", "approve or deny tool calls the gateway holds for a human") { control, list };
        approvals.Subcommands.Add(Decide("approve", "let a held call through to the server", approve: true, control));
        approvals.Subcommands.Add(Decide("deny", "refuse a held call (the client gets a parry: error)", approve: false, control));
        return approvals;
    }

    private static Command Decide(string name, string description, bool approve, Option<string?> control)
    {
        var id = new Argument<string>("id") { Description = "the held call's id, from parry approvals list" };
        var reason = new Option<string?>("--reason") { Description = "why, for the audit log" };
        var command = new Command(name, description) { id, reason };
        command.SetAction((result, cancellation) => ApprovalsConsole.DecideAsync(
            result.GetValue(id)!, approve, result.GetValue(reason), result.GetValue(control), Console.Out, Console.Error, cancellation));
        return command;
    }
}
