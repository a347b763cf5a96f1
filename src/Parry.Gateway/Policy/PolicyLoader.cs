using System.Globalization;
using System.Net;
using Parry.Core.Detections;
using Parry.Gateway.Inspection;
using Parry.Gateway.Policy.Limits;
using Parry.Gateway.Policy.Scope;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parry.Gateway.Policy;

/// <summary>
/// Reads a YAML policy into a <see cref="GatewayPolicy"/>. It fails closed: unknown keys, values of the wrong type or
/// out of range, and YAML that does not parse are all collected with their line and column and thrown together as a
/// <see cref="PolicyException"/>; nothing is guessed.
/// </summary>
public static class PolicyLoader
{
    private static readonly string[] TopKeys =
    [
        "version", "scope", "on_out_of_scope", "on_decision_point", "decision_points", "decision_level",
        "approval_timeout", "call_timeout", "tools", "tools_default", "rate_limits", "session_hold",
    ];

    public static GatewayPolicy LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException([new PolicyError(path, 0, 0, "cannot read the policy file: " + e.Message)]);
        }
        return Load(text, path);
    }

    public static GatewayPolicy Load(string yaml, string path)
    {
        var errors = new List<PolicyError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new PolicyException([new PolicyError(path, e.Start.Line, e.Start.Column, "not valid YAML: " + Inner(e))]);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new PolicyException([new PolicyError(path, 1, 1, "a policy is one YAML mapping of the keys in README.md")]);

        var reader = new Reader(path, errors);
        var policy = new GatewayPolicy { Source = path };
        foreach (var (keyNode, value) in root.Children)
        {
            var key = reader.Key(keyNode, TopKeys);
            policy = key switch
            {
                "version" => reader.Version(value, policy),
                "scope" => ReadScope(reader, value, policy),
                "on_out_of_scope" => policy with { OnOutOfScope = reader.Action(value, policy.OnOutOfScope) },
                "on_decision_point" => policy with { OnDecisionPoint = reader.Action(value, policy.OnDecisionPoint) },
                "decision_points" => policy with { DecisionPoints = ReadDecisionPoints(reader, value) },
                "decision_level" => policy with { DecisionLevel = ReadLevel(reader, value) },
                "approval_timeout" => policy with { ApprovalTimeout = reader.Duration(value, policy.ApprovalTimeout) },
                "call_timeout" => policy with { CallTimeout = reader.Duration(value, policy.CallTimeout) },
                "tools" => policy with { Tools = ReadTools(reader, value) },
                "tools_default" => policy with { ToolsDefault = reader.Action(value, policy.ToolsDefault) },
                "rate_limits" => ReadRateLimits(reader, value, policy),
                "session_hold" => policy with { SessionHold = ReadSessionHold(reader, value, policy.SessionHold) },
                _ => policy,
            };
        }
        if (errors.Count > 0)
            throw new PolicyException(errors);
        return policy;
    }

    private static GatewayPolicy ReadScope(Reader reader, YamlNode node, GatewayPolicy policy)
    {
        if (reader.Mapping(node) is not { } mapping)
            return policy;
        var networks = new List<Cidr>();
        var hosts = new List<string>();
        var wildcards = new List<string>();
        var urls = new List<Uri>();
        var enforcement = policy.ScopeEnforcement;
        foreach (var (keyNode, value) in mapping.Children)
        {
            switch (reader.Key(keyNode, ["targets", "enforce"]))
            {
                case "targets":
                    foreach (var item in reader.Scalars(value))
                        AddTarget(reader, item, networks, hosts, wildcards, urls);
                    break;
                case "enforce":
                    var text = reader.Scalar(value);
                    if (text == "every_target")
                        enforcement = ScopeEnforcement.EveryTarget;
                    else if (text == "offensive_only")
                        enforcement = ScopeEnforcement.OffensiveOnly;
                    else if (text is not null)
                        reader.Error(value, $"scope.enforce must be every_target or offensive_only, not '{text}'");
                    break;
            }
        }
        return policy with { Scope = new ScopeSet(networks, hosts, wildcards, urls), ScopeEnforcement = enforcement };
    }

    private static void AddTarget(Reader reader, YamlScalarNode item, List<Cidr> networks, List<string> hosts, List<string> wildcards, List<Uri> urls)
    {
        var text = item.Value?.Trim() ?? "";
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
                urls.Add(uri);
            else
                reader.Error(item, $"'{text}' is not a valid URL");
        }
        else if (text.Contains('/'))
        {
            if (Cidr.TryParse(text, out var cidr))
                networks.Add(cidr);
            else
                reader.Error(item, $"'{text}' is not a valid CIDR network");
        }
        else if (IPAddress.TryParse(text, out var address))
        {
            networks.Add(Cidr.Single(address));
        }
        else if (text.StartsWith("*.", StringComparison.Ordinal) && IsHostName(text[2..]))
        {
            wildcards.Add(text[2..]);
        }
        else if (IsHostName(text))
        {
            hosts.Add(text);
        }
        else
        {
            reader.Error(item, $"'{text}' is neither an address, a CIDR network, a host name, '*.domain' nor a URL");
        }
    }

    private static bool IsHostName(string text) =>
        Uri.CheckHostName(text.TrimEnd('.')) == UriHostNameType.Dns && !text.Contains('*');

    private static HashSet<DecisionPointCategory> ReadDecisionPoints(Reader reader, YamlNode node)
    {
        var set = new HashSet<DecisionPointCategory>();
        foreach (var item in reader.Scalars(node))
        {
            if (DecisionPointNames.TryParse(item.Value, out var category))
                set.Add(category);
            else
                reader.Error(item, $"unknown decision point '{item.Value}' (exploitation, credential-access, lateral-movement, exfiltration)");
        }
        return set;
    }

    private static Level? ReadLevel(Reader reader, YamlNode node)
    {
        var text = reader.Scalar(node);
        if (text == "none")
            return null;
        if (LevelNames.TryParse(text, out var level))
            return level;
        if (text is not null)
            reader.Error(node, $"decision_level must be informational, low, medium, high, critical or none, not '{text}'");
        return Level.High;
    }

    private static bool ReadSessionHold(Reader reader, YamlNode node, bool fallback)
    {
        switch (reader.Scalar(node))
        {
            case "until_approved": return true;
            case "off": return false;
            case { } text:
                reader.Error(node, $"session_hold must be until_approved or off, not '{text}'");
                return fallback;
            default: return fallback;
        }
    }

    private static List<ToolRule> ReadTools(Reader reader, YamlNode node)
    {
        var rules = new List<ToolRule>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Error(node, "tools must be a list of {tool, server, action, reason}");
            return rules;
        }
        foreach (var item in sequence.Children)
        {
            if (reader.Mapping(item) is not { } mapping)
                continue;
            string? tool = null, server = null, reason = null;
            PolicyAction? action = null;
            foreach (var (keyNode, value) in mapping.Children)
            {
                switch (reader.Key(keyNode, ["tool", "server", "action", "reason"]))
                {
                    case "tool": tool = reader.Scalar(value); break;
                    case "server": server = reader.Scalar(value); break;
                    case "reason": reason = reader.Scalar(value); break;
                    case "action": action = reader.Action(value, PolicyAction.Deny); break;
                }
            }
            if (string.IsNullOrEmpty(tool))
                reader.Error(item, "a tools entry needs 'tool' (a glob on the tool name)");
            if (action is null)
                reader.Error(item, "a tools entry needs 'action' (allow, deny or hold)");
            if (!string.IsNullOrEmpty(tool) && action is { } a)
            {
                var id = $"tools[{rules.Count}]:{tool}" + (server is null ? "" : "@" + server);
                rules.Add(new ToolRule(id, new Glob(tool), server is null ? null : new Glob(server), a, reason));
            }
        }
        return rules;
    }

    private static GatewayPolicy ReadRateLimits(Reader reader, YamlNode node, GatewayPolicy policy)
    {
        if (reader.Mapping(node) is not { } mapping)
            return policy;
        foreach (var (keyNode, value) in mapping.Children)
        {
            switch (reader.Key(keyNode, ["per_session", "on_exceeded"]))
            {
                case "on_exceeded":
                    policy = policy with { OnRateLimited = reader.Action(value, policy.OnRateLimited) };
                    break;
                case "per_session":
                    if (reader.Mapping(value) is not { } limits)
                        break;
                    double perSecond = 0, perMinute = 0;
                    var burst = 0;
                    foreach (var (limitKey, limitValue) in limits.Children)
                    {
                        switch (reader.Key(limitKey, ["per_second", "per_minute", "burst"]))
                        {
                            case "per_second": perSecond = reader.Number(limitValue); break;
                            case "per_minute": perMinute = reader.Number(limitValue); break;
                            case "burst": burst = (int)reader.Number(limitValue); break;
                        }
                    }
                    policy = policy with { RateLimit = new RateLimit(perSecond, burst, perMinute) };
                    break;
            }
        }
        return policy;
    }

    private static string Inner(YamlException e) => e.InnerException is { } inner ? e.Message + " " + inner.Message : e.Message;

    /// <summary>Typed reads that record a located error instead of throwing, so one pass reports every problem.</summary>
    private sealed class Reader(string path, List<PolicyError> errors)
    {
        public void Error(YamlNode node, string message) => errors.Add(new PolicyError(path, node.Start.Line, node.Start.Column, message));

        public string? Key(YamlNode node, string[] allowed)
        {
            var key = (node as YamlScalarNode)?.Value;
            if (key is not null && allowed.Contains(key, StringComparer.Ordinal))
                return key;
            Error(node, $"unknown key '{key}' (expected one of: {string.Join(", ", allowed)})");
            return null;
        }

        public YamlMappingNode? Mapping(YamlNode node)
        {
            if (node is YamlMappingNode mapping)
                return mapping;
            Error(node, "expected a mapping of keys to values");
            return null;
        }

        public string? Scalar(YamlNode node)
        {
            if (node is YamlScalarNode { Value: { } value })
                return value.Trim();
            Error(node, "expected a single value");
            return null;
        }

        public IEnumerable<YamlScalarNode> Scalars(YamlNode node)
        {
            if (node is YamlSequenceNode sequence)
            {
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode scalar)
                        yield return scalar;
                    else
                        Error(item, "expected a single value in the list");
                }
            }
            else
            {
                Error(node, "expected a list");
            }
        }

        public PolicyAction Action(YamlNode node, PolicyAction fallback)
        {
            var text = Scalar(node);
            if (PolicyActionNames.TryParse(text, out var action))
                return action;
            if (text is not null)
                Error(node, $"expected allow, deny or hold, not '{text}'");
            return fallback;
        }

        public TimeSpan Duration(YamlNode node, TimeSpan fallback)
        {
            var text = Scalar(node);
            if (DurationParser.TryParse(text, out var duration))
                return duration;
            if (text is not null)
                Error(node, $"expected a duration such as 500ms, 30s, 2m or 1h (at most 7 days), not '{text}'");
            return fallback;
        }

        public double Number(YamlNode node)
        {
            var text = Scalar(node);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 1e9)
                return value;
            if (text is not null)
                Error(node, $"expected a non-negative number, not '{text}'");
            return 0;
        }

        public GatewayPolicy Version(YamlNode node, GatewayPolicy policy)
        {
            if (Scalar(node) is { } text && text != "1")
                Error(node, $"unsupported policy version '{text}' (this Parry reads version 1)");
            return policy;
        }
    }
}
