namespace Parry.Gateway.TestServer;

/// <summary>Appends one line per tool invocation to the file named by PARRY_TEST_CALL_LOG, if set.</summary>
internal sealed class CallLog(string? path)
{
    private readonly Lock _gate = new();

    public static CallLog From(string[] args)
    {
        var at = Array.IndexOf(args, "--call-log");
        return new CallLog(at >= 0 && at + 1 < args.Length ? args[at + 1] : Environment.GetEnvironmentVariable("PARRY_TEST_CALL_LOG"));
    }

    public void Record(string tool, string argument)
    {
        if (path is null)
            return;
        lock (_gate)
            File.AppendAllText(path, tool + "\t" + argument.ReplaceLineEndings(" ") + "\n");
    }
}
