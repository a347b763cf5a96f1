using Parry.Bench.Ingest;
using Parry.Core.Events;
using Parry.Ingest.Json;
using Parry.Sigma.Loading;
using Parry.Sigma.Matching;
using Parry.Sigma.Rules;

namespace Parry.Bench.Sigma;

/// <summary>
/// The SigmaHQ rule set compiled against one field table (identity mapping), the regression events keyed with it,
/// and a stand-in for the lead's log-source index: each event meets only the group of rules for its log source
/// (Sysmon event ID → category, channel → service), as the pipeline will route it. Events are decoded by the
/// product's JSON decoder.
/// </summary>
internal sealed class SigmaInputs
{
    private static readonly Dictionary<int, string[]> SysmonCategories = new()
    {
        [1] = ["process_creation"], [2] = ["file_change"], [3] = ["network_connection"], [4] = ["sysmon_status"],
        [5] = ["process_termination"], [6] = ["driver_load"], [7] = ["image_load"], [8] = ["create_remote_thread"],
        [9] = ["raw_access_thread"], [10] = ["process_access"], [11] = ["file_event"],
        [12] = ["registry_add", "registry_delete", "registry_event"], [13] = ["registry_set", "registry_event"],
        [14] = ["registry_rename", "registry_event"], [15] = ["create_stream_hash"], [16] = ["sysmon_status"],
        [17] = ["pipe_created"], [18] = ["pipe_created"], [19] = ["wmi_event"], [20] = ["wmi_event"], [21] = ["wmi_event"],
        [22] = ["dns_query"], [23] = ["file_delete"], [24] = ["clipboard_change"], [25] = ["process_tampering"],
        [26] = ["file_delete"], [255] = ["sysmon_error"],
    };

    private static readonly Dictionary<string, string> ChannelServices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft-Windows-Sysmon/Operational"] = "sysmon",
        ["Security"] = "security",
        ["Microsoft-Windows-TaskScheduler/Operational"] = "taskscheduler",
        ["Microsoft-Windows-WMI-Activity/Operational"] = "wmi",
        ["Microsoft-Windows-Windows Defender/Operational"] = "windefend",
    };

    public SigmaInputs()
    {
        Load = SigmaLoader.LoadPaths(RuleFolders());
        var fields = new FieldTableBuilder();
        Compiled = [.. Load.Rules.Select(r => SigmaCompiler.Compile(r, IdentityFieldMapping.Instance, fields))];
        var eventId = fields.Intern("EventID");
        var channel = fields.Intern("Channel");
        Table = fields.Build();
        RegressionJson = IngestInputs.RegressionJson(1);
        Events = [.. Decode(RegressionJson, Table)];
        AllRules = CompiledRuleGroup.Create(Compiled);

        var groups = new Dictionary<string, CompiledRuleGroup>();
        Routed = new CompiledRuleGroup[Events.Length];
        for (var i = 0; i < Events.Length; i++)
        {
            var e = Events[i];
            var service = ChannelServices.GetValueOrDefault(e.GetString(channel) ?? "", "unknown");
            var categories = service == "sysmon" && int.TryParse(e.GetString(eventId), out var id) ? SysmonCategories.GetValueOrDefault(id, []) : [];
            var key = service + ":" + string.Join(',', categories);
            if (!groups.TryGetValue(key, out var group))
                groups[key] = group = CompiledRuleGroup.Create(Compiled.Where(c => Applies(c.Rule.LogSource, service, categories)));
            Routed[i] = group;
        }
        Groups = groups;
        ProcessCreation = groups.Single(g => g.Key == "sysmon:process_creation").Value;
        ProcessCreationEvents = [.. Events.Where((_, i) => ReferenceEquals(Routed[i], ProcessCreation))];
    }

    public SigmaLoadResult Load { get; }

    /// <summary>The 202 regression .json files concatenated (238 evtx_dump records).</summary>
    public byte[] RegressionJson { get; }

    public CompiledRule[] Compiled { get; }

    public FieldTable Table { get; }

    public Event[] Events { get; }

    /// <summary>For each event, the group of its log source.</summary>
    public CompiledRuleGroup[] Routed { get; }

    public IReadOnlyDictionary<string, CompiledRuleGroup> Groups { get; }

    public CompiledRuleGroup AllRules { get; }

    public CompiledRuleGroup ProcessCreation { get; }

    public Event[] ProcessCreationEvents { get; }

    public static IEnumerable<Event> Decode(byte[] json, FieldTable table)
    {
        var context = new Parry.Ingest.DecodeContext(table, new ThrowingErrors());
        return new JsonFormat().Read(new Parry.Ingest.Sources.InputSource("regression.json", () => new MemoryStream(json, writable: false)), context);
    }

    public static string[] RuleFolders()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parry.slnx")))
            dir = dir.Parent;
        var sigma = Path.GetFullPath(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Parry.slnx not found"), "..", "shared", "corpora", "sigma"));
        return [.. Directory.GetDirectories(sigma, "rules*").Order(StringComparer.Ordinal)];
    }

    private sealed class ThrowingErrors : Parry.Core.Diagnostics.IInputErrorSink
    {
        public void Report(Parry.Core.Diagnostics.InputError error) => throw new InvalidOperationException($"benchmark input does not decode: {error}");
    }

    // A rule reaches a Windows event when its logsource asks for no more than the event's source offers.
    private static bool Applies(SigmaLogSource source, string service, string[] categories) =>
        source.Product is null or "windows"
        && (source.Service is null || source.Service == service)
        && (source.Category is null || categories.Contains(source.Category));
}
