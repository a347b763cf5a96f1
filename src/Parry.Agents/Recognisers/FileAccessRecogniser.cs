using Parry.Agents.Analysis;
using Parry.Agents.Shell;

namespace Parry.Agents.Recognisers;

/// <summary>Finds the sensitive files a command touches and whether it reads or writes them: its arguments are read,
/// except the destination of a copy or move, the files of <c>tee</c>, <c>dd of=</c> and <c>sed -i</c>, and the
/// targets of output redirections, which are written.</summary>
internal static class FileAccessRecogniser
{
    public static void Recognise(Invocation invocation, AnalysisCollector collector)
    {
        var arguments = invocation.Arguments;
        // The command line is the evidence, written out only for a path that may be sensitive (most are not).
        string? evidence = null;
        var lastOperand = -1;
        if (invocation.Program is "cp" or "mv" or "install" or "copy" or "move" or "xcopy" or "robocopy" or "copy-item" or "move-item" or "ln")
        {
            for (var i = arguments.Count - 1; i >= 0; i--)
            {
                if (!arguments[i].StartsWith('-'))
                {
                    lastOperand = i;
                    break;
                }
            }
        }
        var writesAll = invocation.Program is "tee" or "truncate" or "shred" or "set-content" or "add-content" or "out-file"
            || (invocation.Program == "sed" && arguments.Any(a => a == "-i" || a.StartsWith("-i", StringComparison.Ordinal) || a == "--in-place"));
        for (var i = 0; i < arguments.Count; i++)
        {
            var word = arguments[i];
            if (word.StartsWith('-') && !word.Contains('='))
                continue;
            var write = writesAll || i == lastOperand;
            if (invocation.Program == "dd" && word.StartsWith("of=", StringComparison.Ordinal))
            {
                Check(word[3..], true);
                continue;
            }
            if (word.StartsWith("if=", StringComparison.Ordinal))
                word = word[3..];
            Check(word, write);
        }
        foreach (var redirect in invocation.Command.Redirects)
        {
            if (redirect.Writes)
                Check(redirect.Target, true);
            else if (redirect.Reads)
                Check(redirect.Target, false);
        }

        void Check(string path, bool write)
        {
            if (SensitivePathMatcher.MayMatch(path, collector.Catalogue))
                SensitivePathMatcher.Check(path, write, evidence ??= invocation.Command.ToString(), collector);
        }
    }
}
