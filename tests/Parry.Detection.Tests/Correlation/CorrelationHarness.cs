using System.Text.Json;
using Parry.Core.Diagnostics;
using Parry.Core.Events;
using Parry.Detection.Correlation;
using Parry.Sigma.Loading;
using Parry.Sigma.Rules;
using Parry.TestSupport;

namespace Parry.Detection.Tests.Correlation;

using Detection = Parry.Core.Detections.Detection;

/// <summary>
/// Loads correlation YAML, compiles it, and makes base-rule detections by hand at event times a test chooses, so
/// tests drive the correlator directly with a fake clock (no matcher involved).
/// </summary>
internal sealed class CorrelationHarness : IInputErrorSink
{
    public static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, SigmaRule> _rules = new(StringComparer.Ordinal);
    private long _record;

    public CorrelationHarness(string yaml, CorrelationOptions? options = null, TimeProvider? time = null)
    {
        var loaded = SigmaLoader.LoadText(yaml, "test.yml");
        loaded.Rejected.ShouldBeEmpty(string.Join("; ", loaded.Rejected.Select(r => r.Reason)));
        Loaded = loaded;
        foreach (var rule in loaded.Rules)
        {
            _rules[rule.Id] = rule;
            if (rule.Name is not null)
                _rules[rule.Name] = rule;
        }
        var builder = new FieldTableBuilder();
        Set = CorrelationSet.Compile(loaded.Correlations, builder);
        Fields = builder.Build();
        Run = Set.StartRun(options ?? new CorrelationOptions { Lateness = TimeSpan.Zero }, this, time);
    }

    public SigmaLoadResult Loaded { get; }

    public CorrelationSet Set { get; }

    public FieldTable Fields { get; }

    public CorrelationRun Run { get; }

    public List<Detection> Output { get; } = [];

    public List<InputError> Errors { get; } = [];

    public void Report(InputError error) => Errors.Add(error);

    /// <summary>A detection of <paramref name="rule"/> (id or name) at <paramref name="seconds"/> after T0 for an
    /// event with the given fields.</summary>
    public Detection Hit(string rule, double seconds, object? fields = null, string path = "test.json") =>
        HitAt(rule, T0.AddTicks((long)(seconds * TimeSpan.TicksPerSecond)), fields, path);

    public Detection HitAt(string rule, DateTimeOffset time, object? fields = null, string path = "test.json")
    {
        var json = JsonSerializer.Serialize(fields ?? new { });
        var e = JsonEvents.FromJson(json, Fields, path, ++_record);
        e.Timestamp = time;
        return new Detection(_rules[rule].Info, e, e.PrimaryActor);
    }

    public List<Detection> Feed(params Detection[] detections)
    {
        var before = Output.Count;
        foreach (var d in detections)
            Run.Observe(d, Output);
        return Output[before..];
    }

    public List<Detection> Flush()
    {
        var before = Output.Count;
        Run.Flush(Output);
        return Output[before..];
    }

    /// <summary>Everything fed, then the end of input.</summary>
    public List<Detection> FeedAll(IEnumerable<Detection> detections)
    {
        foreach (var d in detections)
            Run.Observe(d, Output);
        Run.Flush(Output);
        return Output;
    }

    /// <summary>A base rule on Windows security events, for correlations to reference.</summary>
    public static string BaseRule(string name, int eventId, string? id = null) => $"""
        title: {name}
        id: {id ?? name + "-id"}
        name: {name}
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID: {eventId}
            condition: selection
        """;
}
