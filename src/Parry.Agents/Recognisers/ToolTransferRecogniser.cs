using Parry.Agents.Analysis;
using Parry.Agents.Shell;

namespace Parry.Agents.Recognisers;

/// <summary>Recognises tools and scripts fetched and run in one go (<c>curl … | bash</c>, <c>IEX
/// (New-Object Net.WebClient).DownloadString(…)</c>) and Windows system binaries used as downloaders (certutil
/// <c>-urlcache</c>, bitsadmin <c>/transfer</c>, mshta and regsvr32 with a URL).</summary>
internal static class ToolTransferRecogniser
{
    private static readonly string[] PowerShellDownloads =
        ["downloadstring", "downloaddata", "downloadfile", "net.webclient", "invoke-webrequest", "invoke-restmethod", "iwr ", "irm ", "start-bitstransfer", "wget ", "curl "];

    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        var program = invocation.Program;
        // The command line (evidence) and the folded arguments are made only when a finding needs them: most
        // invocations are none of these programs.
        if (NetworkPrograms.IsHttpClient(program) && invocation.PipeTarget is { } target && ProgramName.IsCommandInterpreter(target.Program))
            collector.AddBehaviour("download-and-execute", invocation.Command.ToString() + " | " + target);
        if (program is "iex" or "invoke-expression" && PowerShellDownloads.Any(d => invocation.FoldedArguments.Contains(d, StringComparison.Ordinal)))
            collector.AddBehaviour("download-and-execute", invocation.Command.ToString());
        var lolbin = program switch
        {
            "certutil" => invocation.FoldedArguments.Contains("urlcache", StringComparison.Ordinal) || invocation.FoldedArguments.Contains("verifyctl", StringComparison.Ordinal),
            "bitsadmin" => invocation.FoldedArguments.Contains("/transfer", StringComparison.Ordinal) || invocation.FoldedArguments.Contains("/addfile", StringComparison.Ordinal),
            "mshta" or "regsvr32" or "rundll32" or "msiexec" => invocation.FoldedArguments.Contains("http://", StringComparison.Ordinal) || invocation.FoldedArguments.Contains("https://", StringComparison.Ordinal),
            "start-bitstransfer" => true,
            _ => false,
        };
        if (lolbin)
            collector.AddBehaviour("lolbin-download", invocation.Command.ToString());
    }

    /// <summary>A PowerShell script that downloads text and evaluates it, however the two are joined.</summary>
    public static void RecognisePowerShellScript(string script, AnalysisCollector collector)
    {
        var folded = script.ToLowerInvariant();
        if (!PowerShellDownloads.Any(d => folded.Contains(d, StringComparison.Ordinal)))
            return;
        if (folded.Contains("iex", StringComparison.Ordinal) || folded.Contains("invoke-expression", StringComparison.Ordinal)
            || folded.Contains("scriptblock]::create", StringComparison.Ordinal))
            collector.AddBehaviour("download-and-execute", script);
    }
}
