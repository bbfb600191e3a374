using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port) in the test process: records every request with its
/// headers, body and arrival time, and answers what <see cref="Answer"/> says for the n-th request (1-based); an
/// answer of 0 never answers (the request hangs until the sender gives up).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Func<int, int> Answer { get; set; } = _ => 200;

    public string Url { get; private set; } = string.Empty;

    /// <summary>A 2xx answer streams a body that never ends (until the sender hangs up).</summary>
    public bool EndlessBody { get; set; }

    public IReadOnlyList<Received> Requests => _received.ToArray();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks/accounts";
        return receiver;
    }

    /// <summary>Requests carrying <paramref name="type"/> in their payload, once at least <paramref name="count"/> arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(string type, int count = 1, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (true)
        {
            var found = Requests.Where(r => r.Type == type).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} {type} requests did not arrive; got: {string.Join(", ", Requests.Select(r => r.Type))}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
        var n = Interlocked.Increment(ref _count);
        var status = Answer(n);
        _received.Enqueue(new Received(at, headers, body, status));
        if (status == 0)
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = Url + "/moved";
        }
        else if (status is >= 200 and < 300 && EndlessBody)
        {
            var chunk = new byte[16 * 1024];
            try
            {
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The sender stopped reading and closed the connection: what the cap is for.
            }
        }
    }

    public sealed record Received(DateTimeOffset At, IHeaderDictionary Headers, string Body, int AnsweredWith)
    {
        public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;

        public string Type => Json.GetProperty("type").GetString()!;

        public string WebhookId => Headers["webhook-id"].ToString();
    }
}
