using Parry.Gateway.TestServer;

// Usage: Parry.Gateway.TestServer stdio | http PORT
// PARRY_TEST_CALL_LOG=FILE makes every tool invocation that reaches this server append one line to FILE, so the
// gateway's tests can prove which calls reached it and which never did.
if (args.Length >= 1 && args[0] == "stdio")
    return await StdioHost.RunAsync();
if (args.Length >= 2 && args[0] == "http" && int.TryParse(args[1], out var port))
    return await HttpHost.RunAsync(port);
Console.Error.WriteLine("usage: Parry.Gateway.TestServer stdio | http PORT");
return 2;
