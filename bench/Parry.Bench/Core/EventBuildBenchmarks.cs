using BenchmarkDotNet.Attributes;
using Parry.Core.Events;

namespace Parry.Bench.Core;

/// <summary>
/// What every decoder pays per record: building an <see cref="Event"/> (copying, folding, keying by a field table
/// the size of SigmaHQ's) from a Sysmon process-creation record in evtx_dump's shape.
/// </summary>
[MemoryDiagnoser]
public class EventBuildBenchmarks
{
    private readonly EventBuilder _builder = new();
    private FieldTable _fields = FieldTable.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var names = new FieldTableBuilder();
        // Roughly the number of distinct field names all SigmaHQ rules use, plus the mapping's.
        foreach (var name in new[] { "EventID", "Channel", "Provider_Name", "Computer", "Image", "CommandLine", "ParentImage",
                     "ParentCommandLine", "User", "OriginalFileName", "Hashes", "IntegrityLevel", "CurrentDirectory", "TargetFilename" })
            names.Intern(name);
        for (var i = 0; i < 600; i++)
            names.Intern("SomeRuleField" + i);
        _fields = names.Build();
    }

    [Benchmark]
    public Event SysmonProcessCreation() => Build(_fields);

    [Benchmark]
    public Event SysmonProcessCreationUnkeyed() => Build(FieldTable.Empty);

    private Event Build(FieldTable fields)
    {
        var b = _builder;
        b.Reset();
        b.StartObject();
        b.PropertyName("Event");
        b.StartObject();
        b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("xmlns"); b.String("http://schemas.microsoft.com/win/2004/08/events/event"); b.EndObject();
        b.PropertyName("System");
        b.StartObject();
        b.PropertyName("Provider"); b.StartObject(); b.PropertyName("#attributes"); b.StartObject();
        b.PropertyName("Name"); b.String("Microsoft-Windows-Sysmon"); b.PropertyName("Guid"); b.String("5770385F-C22A-43E0-BF4C-06F5698FFBD9");
        b.EndObject(); b.EndObject();
        b.PropertyName("EventID"); b.Integer(1);
        b.PropertyName("Version"); b.Integer(5);
        b.PropertyName("Level"); b.Integer(4);
        b.PropertyName("Task"); b.Integer(1);
        b.PropertyName("Opcode"); b.Integer(0);
        b.PropertyName("Keywords"); b.String("0x8000000000000000");
        b.PropertyName("TimeCreated"); b.StartObject(); b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("SystemTime"); b.String("2025-11-27T07:40:10.165324Z"); b.EndObject(); b.EndObject();
        b.PropertyName("EventRecordID"); b.Integer(571146);
        b.PropertyName("Correlation"); b.Null();
        b.PropertyName("Execution"); b.StartObject(); b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("ProcessID"); b.Integer(3544); b.PropertyName("ThreadID"); b.Integer(4272); b.EndObject(); b.EndObject();
        b.PropertyName("Channel"); b.String("Microsoft-Windows-Sysmon/Operational");
        b.PropertyName("Computer"); b.String("ws01.corp.example.com");
        b.PropertyName("Security"); b.StartObject(); b.PropertyName("#attributes"); b.StartObject(); b.PropertyName("UserID"); b.String("S-1-5-18"); b.EndObject(); b.EndObject();
        b.EndObject();
        b.PropertyName("EventData");
        b.StartObject();
        b.PropertyName("RuleName"); b.String("-");
        b.PropertyName("UtcTime"); b.String("2025-11-27 07:40:10.132");
        b.PropertyName("ProcessGuid"); b.String("{0197231E-005A-6928-A50B-000000000D00}");
        b.PropertyName("ProcessId"); b.Integer(4460);
        b.PropertyName("Image"); b.String(@"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe");
        b.PropertyName("FileVersion"); b.String("10.0.26100.7019 (WinBuild.160101.0800)");
        b.PropertyName("Description"); b.String("Windows PowerShell");
        b.PropertyName("Product"); b.String("Microsoft® Windows® Operating System");
        b.PropertyName("Company"); b.String("Microsoft Corporation");
        b.PropertyName("OriginalFileName"); b.String("PowerShell.EXE");
        b.PropertyName("CommandLine"); b.String("powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \"Get-ChildItem C:\\Users -Recurse | Select-Object FullName\"");
        b.PropertyName("CurrentDirectory"); b.String(@"C:\Users\alice\");
        b.PropertyName("User"); b.String(@"CORP\alice");
        b.PropertyName("LogonGuid"); b.String("{0197231E-005A-6928-A50B-000000000D01}");
        b.PropertyName("LogonId"); b.String("0x3e7");
        b.PropertyName("TerminalSessionId"); b.Integer(1);
        b.PropertyName("IntegrityLevel"); b.String("High");
        b.PropertyName("Hashes"); b.String("SHA1=5E4F2C531C549BB72A658ED9DD16D491EDDBB286,MD5=FAB4B30C1C4F0A9202A7B42DCF1729DC,SHA256=1B48A4F8D20026E6C56E3AB4CC4788FA6425C8A75F8D91C2869FA533DE6B209E");
        b.PropertyName("ParentProcessGuid"); b.String("{0197231E-005A-6928-A50B-000000000C00}");
        b.PropertyName("ParentProcessId"); b.Integer(4012);
        b.PropertyName("ParentImage"); b.String(@"C:\Windows\explorer.exe");
        b.PropertyName("ParentCommandLine"); b.String(@"C:\Windows\Explorer.EXE");
        b.PropertyName("ParentUser"); b.String(@"CORP\alice");
        b.EndObject();
        b.EndObject();
        b.EndObject();
        return b.Build(fields, new EventOrigin("bench.json", 1), "json");
    }
}
