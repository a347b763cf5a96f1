using System.Text.Json;
using Parry.Core.Actors;
using Parry.Core.Attack;
using Parry.Core.Campaigns;
using Parry.Core.Detections;
using Parry.Detection.Reporting;

namespace Parry.Output.Json;

/// <summary>The JSON shapes of CONTRACT.md: detection, campaign and summary objects, each with its <c>type</c>.</summary>
public static class ResultJson
{
    public static void WriteDetection(Utf8JsonWriter w, Core.Detections.Detection d, bool includeEvent = true)
    {
        w.WriteStartObject();
        WriteDetectionFields(w, d);
        if (includeEvent)
        {
            w.WritePropertyName("event");
            d.Event.WriteJson(w);
        }
        w.WriteEndObject();
    }

    /// <summary>The start of every detection object of <paramref name="rule"/> as UTF-8, up to and including the comma
    /// after its rule's fields: <c>{"type":"detection","rule_id":…,"techniques":[…],</c>. Written by the same calls as
    /// <see cref="WriteDetection"/>, with the writer options given.</summary>
    public static byte[] DetectionStart(RuleInfo rule, JsonWriterOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartObject();
            WriteRuleFields(w, rule);
        }
        return [.. buffer.WrittenSpan, (byte)','];
    }

    /// <summary>What follows <see cref="DetectionStart"/> in a detection object, without the closing brace: its time,
    /// source, actor, correlation and event (<paramref name="eventJson"/>: the bytes
    /// <see cref="Core.Events.Event.WriteJson"/> writes with the same writer options, rendered once for the detections
    /// an event raised in a row), written on a writer that has written nothing yet (so it puts no comma before the
    /// first).</summary>
    public static void WriteDetectionRest(Utf8JsonWriter w, Core.Detections.Detection d, ReadOnlySpan<byte> eventJson)
    {
        WriteOccurrenceFields(w, d);
        w.WritePropertyName("event");
        w.WriteRawValue(eventJson, skipInputValidation: true);
    }

    // Everything of a detection object but its event.
    private static void WriteDetectionFields(Utf8JsonWriter w, Core.Detections.Detection d)
    {
        WriteRuleFields(w, d.Rule);
        WriteOccurrenceFields(w, d);
    }

    // The fields of a detection its rule decides: the same for every detection of the rule.
    private static void WriteRuleFields(Utf8JsonWriter w, RuleInfo rule)
    {
        w.WriteString("type", "detection");
        w.WriteString("rule_id", rule.Id);
        w.WriteString("rule_title", rule.Title);
        w.WriteString("level", rule.Level.Name());
        WriteStrings(w, "tags", rule.Tags);
        var attack = RuleAttack.Of(rule);
        WriteStrings(w, "tactics", attack.Tactics);
        WriteStrings(w, "techniques", attack.Techniques);
    }

    // The fields of a detection its occurrence decides (all but the event).
    private static void WriteOccurrenceFields(Utf8JsonWriter w, Core.Detections.Detection d)
    {
        if (d.Timestamp is { } time)
            Timestamps.WriteString(w, "timestamp", time);
        else
            w.WriteNull("timestamp");
        w.WriteStartObject("source");
        w.WriteString("path", d.Origin.Path);
        w.WriteNumber("record", d.Origin.Record);
        w.WriteEndObject();
        if (d.Actor is { } actor)
            WriteActor(w, "actor", actor);
        if (d.IsCorrelation)
        {
            w.WriteStartObject("correlation");
            w.WriteStartObject("group_by");
            foreach (var (key, value) in d.GroupBy)
                w.WriteString(key, value);
            w.WriteEndObject();
            if (d.Aggregate is { } aggregate)
                w.WriteNumber("value", aggregate);
            w.WriteStartArray("related");
            foreach (var related in d.Related)
            {
                w.WriteStartObject();
                w.WriteString("rule_id", related.Rule.Id);
                w.WriteString("path", related.Origin.Path);
                w.WriteNumber("record", related.Origin.Record);
                if (related.Timestamp is { } t)
                    Timestamps.WriteString(w, "timestamp", t);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    public static void WriteCampaign(Utf8JsonWriter w, Campaign c)
    {
        w.WriteStartObject();
        w.WriteString("type", "campaign");
        w.WriteString("id", c.Id);
        WriteActor(w, "actor", c.Actor);
        Timestamps.Write(w, "first_seen", c.FirstSeen);
        Timestamps.Write(w, "last_seen", c.LastSeen);
        WriteStrings(w, "tactics", c.Tactics);
        WriteStrings(w, "techniques", c.Techniques);
        w.WriteNumber("detections", c.Detections);
        w.WriteNumber("events", c.Events);
        WriteStrings(w, "targets", c.Targets);
        w.WriteString("level", c.Level.Name());
        w.WriteStartObject("autonomy");
        w.WriteNumber("score", Math.Round(c.Autonomy.Score, 3));
        w.WriteStartArray("signals");
        foreach (var s in c.Autonomy.Signals)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("value", Math.Round(s.Value, 4));
            w.WriteNumber("threshold", s.Threshold);
            w.WriteBoolean("fired", s.Fired);
            w.WriteNumber("weight", s.Weight);
            w.WriteString("description", s.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("linked_actors");
        foreach (var actor in c.LinkedActors)
            WriteActorValue(w, actor);
        w.WriteEndArray();
        WriteStrings(w, "sources", c.Sources);
        w.WriteStartArray("timeline");
        foreach (var step in c.Timeline)
        {
            w.WriteStartObject();
            w.WriteString("tactic", step.Tactic);
            Timestamps.Write(w, "first_seen", step.FirstSeen);
            w.WriteNumber("detections", step.Detections);
            w.WriteString("example_rule", step.ExampleRule);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("summary", c.Summary);
        w.WriteEndObject();
    }

    public static void WriteSummary(Utf8JsonWriter w, HuntSummary s)
    {
        w.WriteStartObject();
        w.WriteString("type", "summary");
        w.WriteNumber("files", s.Files);
        w.WriteNumber("events", s.Events);
        w.WriteNumber("detections", s.Detections);
        w.WriteNumber("campaigns", s.Campaigns);
        w.WriteNumber("rules_loaded", s.RulesLoaded);
        w.WriteNumber("rules_rejected", s.RulesRejected);
        w.WriteStartArray("errors");
        foreach (var e in s.Errors)
        {
            w.WriteStartObject();
            w.WriteString("path", e.Path);
            if (e.Record is { } record)
                w.WriteNumber("record", record);
            else
                w.WriteNull("record");
            if (e.Chunk is { } chunk)
                w.WriteNumber("chunk", chunk);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("error_count", s.ErrorCount);
        w.WriteNumber("elapsed_ms", s.ElapsedMs);
        w.WriteNumber("bytes", s.Bytes);
        WriteCounts(w, "detections_by_level", s.DetectionsByLevel);
        WriteCounts(w, "events_by_source", s.EventsBySource);
        w.WriteNumber("correlation_evictions", s.CorrelationEvictions);
        w.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, long> counts)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
            w.WriteNumber(key, value);
        w.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter w, string name, Actor actor)
    {
        w.WritePropertyName(name);
        WriteActorValue(w, actor);
    }

    private static void WriteActorValue(Utf8JsonWriter w, Actor actor)
    {
        w.WriteStartObject();
        w.WriteString("kind", actor.KindName);
        w.WriteString("value", actor.Value);
        w.WriteEndObject();
    }

    // Indexed: a detection writes three of these, and an enumerator over a list interface would be allocated each time.
    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
            w.WriteStringValue(values[i]);
        w.WriteEndArray();
    }
}
