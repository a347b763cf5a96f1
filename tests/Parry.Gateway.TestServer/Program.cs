using Parry.Gateway.TestServer;

// Usage: Parry.Gateway.TestServer stdio [--call-log FILE] | http PORT [--call-log FILE]
// --call-log FILE (or PARRY_TEST_CALL_LOG=FILE) makes every tool invocation that reaches this server append one line
// to FILE, so the gateway's tests can prove which calls reached it and which never did.
var log = CallLog.From(args);
if (args.Length >= 1 && args[0] == "stdio")
    return await StdioHost.RunAsync(log);
if (args.Length >= 2 && args[0] == "http" && int.TryParse(args[1], out var port))
    return await HttpHost.RunAsync(port, log);
Console.Error.WriteLine("usage: Parry.Gateway.TestServer stdio | http PORT  [--call-log FILE]");
return 2;
