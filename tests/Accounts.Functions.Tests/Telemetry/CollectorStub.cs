using System.Collections.Concurrent;
using System.Net;
using Accounts.Storage.Emulator;

namespace Accounts.Functions.Tests.Telemetry;

/// <summary>A local HTTP endpoint standing in for a telemetry collector: records the path of every request, answers 200.</summary>
public sealed class CollectorStub : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public CollectorStub()
    {
        Url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentBag<string> Paths { get; } = [];

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return; // the listener was stopped
            }

            Paths.Add(context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
