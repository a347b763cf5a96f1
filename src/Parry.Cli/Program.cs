using System.CommandLine;
using Parry.Cli;
using Parry.Cli.Commands;

var root = new RootCommand("Parry detects and stops autonomous, AI-driven cyberattacks: in the defended estate's logs and in the tool calls an AI agent makes.")
{
    HuntCommand.Create(),
    RulesCommand.Create(),
    DecodeCommand.Create(),
    GatewayCommand.Create(),
    ApprovalsCommand.Create(),
};
return await CommandRunner.RunAsync(root, args);
