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
        var evidence = invocation.Command.ToString();
        if (NetworkPrograms.IsHttpClient(program) && invocation.PipeTarget is { } target && ProgramName.IsCommandInterpreter(target.Program))
            collector.AddBehaviour("download-and-execute", evidence + " | " + target);
        if (program is "iex" or "invoke-expression" && PowerShellDownloads.Any(d => invocation.FoldedArguments.Contains(d, StringComparison.Ordinal)))
            collector.AddBehaviour("download-and-execute", evidence);
        var folded = invocation.FoldedArguments;
        var lolbin = program switch
        {
            "certutil" => folded.Contains("urlcache", StringComparison.Ordinal) || folded.Contains("verifyctl", StringComparison.Ordinal),
            "bitsadmin" => folded.Contains("/transfer", StringComparison.Ordinal) || folded.Contains("/addfile", StringComparison.Ordinal),
            "mshta" or "regsvr32" or "rundll32" or "msiexec" => folded.Contains("http://", StringComparison.Ordinal) || folded.Contains("https://", StringComparison.Ordinal),
            "start-bitstransfer" => true,
            _ => false,
        };
        if (lolbin)
            collector.AddBehaviour("lolbin-download", evidence);
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
