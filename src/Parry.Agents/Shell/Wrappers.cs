namespace Parry.Agents.Shell;

/// <summary>
/// What a program does with the rest of its words: run another command (<see cref="WrapStep.Index"/> is where it
/// starts), run a script it was given as a string (expanded here, <see cref="WrapStep.RunsAnother"/>), or nothing
/// (<see cref="WrapStep.Index"/> not past the program).
/// </summary>
internal static class Wrappers
{
    public readonly record struct WrapStep(int Index, bool RunsAnother = false, string? ProgramOverride = null)
    {
        public static readonly WrapStep Final = new(-1);
    }

    public static WrapStep Next(CommandExpander expander, string program, ShellCommand command, int start)
    {
        var words = command.Words;
        var depth = command.Depth + 1;
        switch (program)
        {
            case "sudo":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "ugpCDhrtUTR", "--user", "--group", "--prompt", "--chdir", "--host", "--role", "--type", "--other-user", "--close-from", "--command-timeout"), words);
            case "doas" or "pkexec":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "uC", "--user"), words);
            case "env":
                return Env(expander, words, start, depth);
            case "timeout":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "sk", "--signal", "--kill-after") + 1, words);
            case "nohup" or "setsid" or "unbuffer" or "builtin" or "caffeinate" or "firejail" or "unshare":
                return Inner(OptionScanner.FirstOperand(words, start + 1, ""), words);
            case "faketime":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "") + 1, words);
            case "exec":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "a"), words);
            case "command":
                return words.Skip(start + 1).Any(w => w is "-v" or "-V") ? WrapStep.Final : Inner(OptionScanner.FirstOperand(words, start + 1, ""), words);
            case "time":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "fo", "--format", "--output"), words);
            case "nice":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "n", "--adjustment"), words);
            case "ionice":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "cnp", "--class", "--classdata", "--pid"), words);
            case "stdbuf":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "ioe", "--input", "--output", "--error"), words);
            case "chrt" or "taskset" or "chroot" or "gosu" or "su-exec" or "flock":
                return FlockLike(expander, program, words, start, depth);
            case "watch":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "nq", "--interval", "--equexit"), words);
            case "strace" or "ltrace":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "oepsuaEPXIbO"), words);
            case "xargs":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "IinPLsdEa", "--max-args", "--max-procs", "--replace", "--delimiter", "--arg-file", "--max-lines", "--max-chars", "--eof"), words);
            case "proxychains" or "proxychains4" or "proxychains-ng":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "f"), words);
            case "torsocks" or "torify":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "aPupd", "--address", "--port", "--user", "--pass"), words);
            case "nsenter":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "tSGrw", "--target", "--setuid", "--setgid", "--root", "--wd"), words);
            case "sshpass":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "pfdP"), words);
            case "rlwrap":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "aefhHlOopPqsStw"), words);
            case "busybox":
                return Inner(start + 1, words);
            case "call":
                return Inner(start + 1, words);
            case "start":
                return Inner(FirstNonSlash(words, start + 1), words);
            case "runuser":
                return ShellStringOption(expander, words, start, depth, "ug", "--user", "--group") ?? Inner(OptionScanner.FirstOperand(words, start + 1, "ug", "--user", "--group"), words);
            case "su":
                return ShellStringOption(expander, words, start, depth, "s", "--shell") ?? WrapStep.Final;
            case "sg":
                return ExpandOperand(expander, words, start + 2, ShellDialect.Posix, depth);
            case "script":
                return ShellStringOption(expander, words, start, depth, "") ?? WrapStep.Final;
            case "eval":
                expander.Add(CommandExpander.Join(words, start + 1), ShellDialect.Posix, depth);
                return new WrapStep(-1, RunsAnother: true);
            case "ssh" or "slogin" or "autossh":
                return Ssh(expander, words, start, depth);
            case "find":
                return FindExec(words, start);
            case "docker" or "podman" or "nerdctl" when Has(words, start + 1, "exec"):
                return Inner(OptionScanner.FirstOperand(words, start + 2, "eEuw", "--env", "--user", "--workdir", "--env-file") + 1, words);
            case "kubectl" or "oc" when Has(words, start + 1, "exec"):
            {
                var dashes = words.IndexOf("--", start);
                return dashes > start ? Inner(dashes + 1, words) : WrapStep.Final;
            }
            case "runas":
                return ExpandOperand(expander, words, FirstNonSlash(words, start + 1), ShellDialect.Cmd, depth);
            case "wmic":
                return WmicCreate(expander, words, start, depth);
            case "schtasks":
                return ValueOf(expander, words, start, "/tr", ShellDialect.Cmd, depth);
            case "start-process" or "saps":
                return StartProcess(expander, words, start, depth);
            case "invoke-expression" or "iex":
                return InvokeExpression(expander, words, start, depth);
            case "cmd":
                return Cmd(expander, words, start, depth);
            case "java":
            {
                var jar = words.IndexOf("-jar", start);
                return jar > start && jar + 1 < words.Count ? Inner(jar + 1, words) : WrapStep.Final;
            }
        }
        if (ProgramName.IsShell(program))
            return Shell(expander, command, start, depth);
        if (ProgramName.IsPowerShell(program))
            return PowerShell(expander, words, start, depth);
        if (ProgramName.IsPython(program))
            return Python(expander, command, start);
        if (program is "perl" or "ruby" or "node" or "nodejs" or "deno" or "bun" or "lua" or "php" or "osascript")
            return Interpreter(expander, program, command, start);
        return WrapStep.Final;
    }

    private static WrapStep Inner(int index, List<string> words) => index < words.Count ? new WrapStep(index) : WrapStep.Final;

    private static bool Has(List<string> words, int index, string value) => index < words.Count && words[index] == value;

    private static int FirstNonSlash(List<string> words, int index)
    {
        while (index < words.Count && words[index].StartsWith('/'))
            index++;
        return index;
    }

    private static WrapStep ExpandOperand(CommandExpander expander, List<string> words, int index, ShellDialect dialect, int depth)
    {
        if (index >= words.Count)
            return WrapStep.Final;
        expander.Add(words[index], dialect, depth);
        return new WrapStep(-1, RunsAnother: true);
    }

    private static WrapStep Env(CommandExpander expander, List<string> words, int start, int depth)
    {
        var i = start + 1;
        while (i < words.Count)
        {
            var word = words[i];
            if (word is "-S" or "--split-string" && i + 1 < words.Count)
                return ExpandOperand(expander, words, i + 1, ShellDialect.Posix, depth);
            if (word.StartsWith("--split-string=", StringComparison.Ordinal))
            {
                expander.Add(word["--split-string=".Length..], ShellDialect.Posix, depth);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (word == "--")
            {
                i++;
                continue;
            }
            if (word is "-u" or "-C" or "--unset" or "--chdir")
            {
                i += 2;
                continue;
            }
            if (word.StartsWith('-') || (word.Contains('=') && !word.StartsWith('=')))
            {
                i++;
                continue;
            }
            break;
        }
        return Inner(i, words);
    }

    private static WrapStep FlockLike(CommandExpander expander, string program, List<string> words, int start, int depth)
    {
        switch (program)
        {
            case "flock":
            {
                var c = words.FindIndex(start + 1, w => w is "-c" or "--command");
                if (c > 0 && c + 1 < words.Count)
                    return ExpandOperand(expander, words, c + 1, ShellDialect.Posix, depth);
                return Inner(OptionScanner.FirstOperand(words, start + 1, "wE", "--timeout", "--conflict-exit-code") + 1, words);
            }
            case "chrt":
                return Inner(OptionScanner.FirstOperand(words, start + 1, "") + 1, words);
            case "taskset":
                return words.Skip(start + 1).Any(w => w is "-p" or "--pid")
                    ? WrapStep.Final
                    : Inner(OptionScanner.FirstOperand(words, start + 1, "") + (words.Skip(start + 1).Any(w => w is "-c" or "--cpu-list") ? 0 : 1), words);
            default: // chroot DIR cmd, gosu USER cmd
                return Inner(OptionScanner.FirstOperand(words, start + 1, "", "--userspec", "--groups") + 1, words);
        }
    }

    // su -c 'cmd', runuser -c 'cmd', script -c 'cmd'.
    private static WrapStep? ShellStringOption(CommandExpander expander, List<string> words, int start, int depth, string shortWithValue, params string[] longWithValue)
    {
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "-c" or "--command" && i + 1 < words.Count)
                return ExpandOperand(expander, words, i + 1, ShellDialect.Posix, depth);
            if (word.StartsWith("--command=", StringComparison.Ordinal))
            {
                expander.Add(word["--command=".Length..], ShellDialect.Posix, depth);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (word.Length == 2 && word[0] == '-' && shortWithValue.Contains(word[1]) || longWithValue.Contains(word))
                i++;
        }
        return null;
    }

    private static WrapStep Ssh(CommandExpander expander, List<string> words, int start, int depth)
    {
        var destination = OptionScanner.FirstOperand(words, start + 1, "bcDEeFIiJLlmOopQRSWw");
        if (destination + 1 >= words.Count)
            return WrapStep.Final;
        expander.Add(CommandExpander.Join(words, destination + 1), ShellDialect.Posix, depth);
        return new WrapStep(-1, RunsAnother: true);
    }

    private static WrapStep FindExec(List<string> words, int start)
    {
        for (var i = start + 1; i < words.Count - 1; i++)
        {
            if (words[i] is "-exec" or "-execdir" or "-ok" or "-okdir")
                return new WrapStep(i + 1);
        }
        return WrapStep.Final;
    }

    private static WrapStep WmicCreate(CommandExpander expander, List<string> words, int start, int depth)
    {
        for (var i = start + 1; i < words.Count - 2; i++)
        {
            if (words[i].Equals("call", StringComparison.OrdinalIgnoreCase) && words[i + 1].Equals("create", StringComparison.OrdinalIgnoreCase))
            {
                expander.Add(CommandExpander.Join(words, i + 2), ShellDialect.Cmd, depth);
                return new WrapStep(-1, RunsAnother: true);
            }
        }
        return WrapStep.Final;
    }

    private static WrapStep ValueOf(CommandExpander expander, List<string> words, int start, string option, ShellDialect dialect, int depth)
    {
        for (var i = start + 1; i < words.Count - 1; i++)
        {
            if (words[i].Equals(option, StringComparison.OrdinalIgnoreCase))
                return ExpandOperand(expander, words, i + 1, dialect, depth);
        }
        return WrapStep.Final;
    }

    private static WrapStep StartProcess(CommandExpander expander, List<string> words, int start, int depth)
    {
        string? file = null;
        string? arguments = null;
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (word.StartsWith('-') && i + 1 < words.Count)
            {
                if ("-filepath".StartsWith(word, StringComparison.Ordinal) && word.Length > 1)
                    file = words[++i];
                else if ("-argumentlist".StartsWith(word, StringComparison.Ordinal) && word.Length > 1 || word == "-args")
                    arguments = words[++i];
                else if (word is "-windowstyle" or "-wait" or "-nonewwindow" or "-passthru" or "-verb" or "-workingdirectory" or "-credential" or "-redirectstandardoutput" or "-redirectstandarderror" or "-redirectstandardinput")
                    i += word is "-wait" or "-nonewwindow" or "-passthru" ? 0 : 1;
            }
            else if (file is null)
            {
                file = words[i];
            }
            else
            {
                arguments ??= words[i];
            }
        }
        if (file is null)
            return WrapStep.Final;
        var quotedFile = file.Contains(' ') ? "\"" + file + "\"" : file;
        expander.Add(arguments is null ? quotedFile : quotedFile + " " + arguments.Replace("','", " ", StringComparison.Ordinal).Replace("\",\"", " ", StringComparison.Ordinal), ShellDialect.Cmd, depth);
        return new WrapStep(-1, RunsAnother: true);
    }

    private static WrapStep InvokeExpression(CommandExpander expander, List<string> words, int start, int depth)
    {
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith('-'))
                continue;
            // A grouped expression was parsed where it stood; a literal string is PowerShell to run.
            if (word.Length > 0 && word[0] is not ('(' or '$' or '@' or '{'))
                expander.Add(word, ShellDialect.PowerShell, depth);
            break;
        }
        return new WrapStep(-1, RunsAnother: true);
    }

    private static WrapStep Cmd(CommandExpander expander, List<string> words, int start, int depth)
    {
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length >= 2 && word[0] == '/' && char.ToLowerInvariant(word[1]) is 'c' or 'k' or 'r')
            {
                var rest = word.Length > 2 ? word[2..] + " " + CommandExpander.Join(words, i + 1) : CommandExpander.Join(words, i + 1);
                rest = rest.Trim();
                if (rest.Length >= 2 && rest[0] == '"' && rest[^1] == '"')
                    rest = rest[1..^1];
                expander.Add(rest, ShellDialect.Cmd, depth);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (!word.StartsWith('/'))
                break;
        }
        return WrapStep.Final;
    }

    private static WrapStep Shell(CommandExpander expander, ShellCommand command, int start, int depth)
    {
        var words = command.Words;
        var i = start + 1;
        var commandString = false;
        while (i < words.Count)
        {
            var word = words[i];
            if (word == "--")
            {
                i++;
                break;
            }
            if (word.Length < 2 || word[0] is not ('-' or '+'))
                break;
            if (OptionScanner.IsBundleWith(word, 'c'))
                commandString = true;
            i += word is "-o" or "+o" or "-O" or "+O" or "--rcfile" or "--init-file" ? 2 : 1;
        }
        if (commandString)
            return ExpandOperand(expander, words, i, ShellDialect.Posix, depth);
        if (i < words.Count)
            return new WrapStep(i);
        // No script named: the shell runs what it reads.
        var ran = false;
        foreach (var redirect in command.Redirects)
        {
            var script = redirect.HereDocument ?? (redirect.Operator == "<<<" ? redirect.Target : null);
            if (script is null)
                continue;
            expander.Add(script, ShellDialect.Posix, depth);
            ran = true;
        }
        return new WrapStep(-1, RunsAnother: ran);
    }

    private static WrapStep PowerShell(CommandExpander expander, List<string> words, int start, int depth)
    {
        var i = start + 1;
        while (i < words.Count)
        {
            var word = words[i];
            if (word.Length < 2 || word[0] is not ('-' or '/'))
                break;
            var name = word[1..].ToLowerInvariant();
            if (IsEncodedCommand(name))
            {
                if (i + 1 >= words.Count)
                    return WrapStep.Final;
                var decoded = TextDecoding.FromPowerShellBase64(words[i + 1]);
                expander.Note("encoded-powershell", decoded ?? words[i + 1]);
                if (decoded is not null)
                    expander.Add(decoded, ShellDialect.PowerShell, depth);
                return new WrapStep(-1, RunsAnother: decoded is not null);
            }
            if (name.Length >= 1 && "command".StartsWith(name, StringComparison.Ordinal))
            {
                var script = CommandExpander.Join(words, i + 1);
                if (script != "-")
                    expander.Add(script, ShellDialect.PowerShell, depth);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (name.Length >= 1 && "file".StartsWith(name, StringComparison.Ordinal))
                return Inner(i + 1, words);
            i += TakesValue(name) ? 2 : 1;
        }
        if (i >= words.Count)
            return WrapStep.Final;
        expander.Add(CommandExpander.Join(words, i), ShellDialect.PowerShell, depth);
        return new WrapStep(-1, RunsAnother: true);
    }

    // -e, -ec, -en, -enc … -encodedcommand (but not -ex…, which is -ExecutionPolicy, nor -encodedarguments).
    private static bool IsEncodedCommand(string name) =>
        name == "ec" || (name.Length >= 1 && "encodedcommand".StartsWith(name, StringComparison.Ordinal));

    private static bool TakesValue(string name) =>
        name is "ep" or "ex" or "exe" or "exec" or "w" or "v" or "if" or "of" or "wd" or "config"
        || (name.Length >= 3 && ("executionpolicy".StartsWith(name, StringComparison.Ordinal) || "windowstyle".StartsWith(name, StringComparison.Ordinal)
            || "version".StartsWith(name, StringComparison.Ordinal) || "inputformat".StartsWith(name, StringComparison.Ordinal)
            || "outputformat".StartsWith(name, StringComparison.Ordinal) || "configurationname".StartsWith(name, StringComparison.Ordinal)
            || "workingdirectory".StartsWith(name, StringComparison.Ordinal) || "settingsfile".StartsWith(name, StringComparison.Ordinal)
            || "custompipename".StartsWith(name, StringComparison.Ordinal) || "psconsolefile".StartsWith(name, StringComparison.Ordinal)));

    private static WrapStep Python(CommandExpander expander, ShellCommand command, int start)
    {
        var words = command.Words;
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "-c" && i + 1 < words.Count)
            {
                expander.AddCode("python", words[i + 1], command.Depth + 1);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (word.StartsWith("-c", StringComparison.Ordinal) && word.Length > 2)
            {
                expander.AddCode("python", word[2..], command.Depth + 1);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (word == "-m" && i + 1 < words.Count)
            {
                var module = words[i + 1];
                var dot = module.LastIndexOf('.');
                return new WrapStep(i + 1, ProgramOverride: (dot >= 0 ? module[(dot + 1)..] : module).ToLowerInvariant());
            }
            if (word is "-W" or "-X" or "-Q")
            {
                i++;
                continue;
            }
            if (word.StartsWith('-'))
                continue;
            return new WrapStep(i);
        }
        return CodeFromStdin(expander, "python", command);
    }

    private static WrapStep Interpreter(CommandExpander expander, string program, ShellCommand command, int start)
    {
        var words = command.Words;
        var codeFlag = program switch
        {
            "php" => 'r',
            _ => 'e',
        };
        for (var i = start + 1; i < words.Count; i++)
        {
            var word = words[i];
            if ((OptionScanner.IsBundleWith(word, codeFlag) || word is "--eval" or "-p" or "--print" or "-E") && i + 1 < words.Count)
            {
                expander.AddCode(program, words[i + 1], command.Depth + 1);
                return new WrapStep(-1, RunsAnother: true);
            }
            if (word.StartsWith('-'))
                continue;
            return new WrapStep(i);
        }
        return CodeFromStdin(expander, program, command);
    }

    private static WrapStep CodeFromStdin(CommandExpander expander, string language, ShellCommand command)
    {
        var ran = false;
        foreach (var redirect in command.Redirects)
        {
            var code = redirect.HereDocument ?? (redirect.Operator == "<<<" ? redirect.Target : null);
            if (code is null)
                continue;
            expander.AddCode(language, code, command.Depth + 1);
            ran = true;
        }
        return new WrapStep(-1, RunsAnother: ran);
    }
}
