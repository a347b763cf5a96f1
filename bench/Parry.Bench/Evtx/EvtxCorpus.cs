using Parry.Core.Events;

namespace Parry.Bench.Evtx;

/// <summary>Inputs for the EVTX benchmarks: the attack-sample corpus and a field table like a rule set's.</summary>
internal static class EvtxCorpus
{
    /// <summary>Field names a Windows rule set asks for (Sigma's short names and dotted paths), so events are
    /// keyed as in a hunt rather than not at all.</summary>
    public static readonly string[] SigmaFieldNames =
    [
        "EventID", "Channel", "Provider_Name", "Computer", "Image", "CommandLine", "ParentImage", "ParentCommandLine",
        "OriginalFileName", "User", "IntegrityLevel", "Hashes", "TargetFilename", "TargetObject", "Details",
        "EventType", "ImageLoaded", "Signed", "Signature", "SourceImage", "TargetImage", "GrantedAccess", "CallTrace",
        "DestinationIp", "DestinationPort", "DestinationHostname", "SourceIp", "SourcePort", "Initiated", "QueryName",
        "PipeName", "ServiceName", "ServiceFileName", "ImagePath", "TaskName", "TaskContent", "SubjectUserName",
        "SubjectUserSid", "SubjectDomainName", "SubjectLogonId", "TargetUserName", "TargetUserSid", "TargetDomainName",
        "LogonType", "LogonProcessName", "AuthenticationPackageName", "WorkstationName", "IpAddress", "IpPort",
        "ProcessName", "ProcessId", "NewProcessName", "ParentProcessName", "ObjectName", "ObjectType", "ShareName",
        "RelativeTargetName", "AccessMask", "AccessList", "Properties", "PrivilegeList", "ScriptBlockText", "Payload",
        "HostApplication", "ContextInfo", "Path", "Description", "Product", "Company", "CurrentDirectory",
        "Event.System.EventID", "Event.EventData.CommandLine", "Data", "param1", "param2", "Keywords", "Level",
    ];

    public static FieldTable SigmaFields()
    {
        var builder = new FieldTableBuilder();
        foreach (var name in SigmaFieldNames)
            builder.Intern(name);
        return builder.Build();
    }

    /// <summary>Files named on the command line; folders are walked for *.evtx.</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else
                files.Add(path);
        }
        return files;
    }

    public static string DefaultCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parry.slnx")))
            dir = dir.Parent;
        return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "corpora", "evtx-attack-samples"));
    }
}
