using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Sits between the app and Azurite's table and queue services, forwarding every request unchanged (the shared-key
/// signature covers the path, which is kept) and counting it by service, resource and method, so a test can see what a
/// deposit costs in storage requests.
/// </summary>
public sealed partial class CountingStorageProxy : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rowCounts = new(StringComparer.Ordinal);
    private readonly HttpClient _forward = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly List<WebApplication> _apps = [];
    private readonly ConcurrentDictionary<string, Task> _holds = new(StringComparer.Ordinal);

    /// <summary>The connection string of Azurite with its table and queue endpoints replaced by this proxy's.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>
    /// Counts per "{service} {resource} {method}", e.g. "table Ledger GET" for a point read, "table Ledger query GET" for
    /// a query, "table $batch POST" for an entity-group transaction, "queue deposits/messages DELETE".
    /// </summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(_counts);

    public static async Task<CountingStorageProxy> StartAsync(string azuriteConnectionString, string tablePrefix)
    {
        var proxy = new CountingStorageProxy();
        var table = await proxy.ListenAsync(Endpoint(azuriteConnectionString, "TableEndpoint"), "table", tablePrefix);
        var queue = await proxy.ListenAsync(Endpoint(azuriteConnectionString, "QueueEndpoint"), "queue", tablePrefix.ToLowerInvariant() + "-");
        proxy.ConnectionString = EndpointPattern("TableEndpoint").Replace(
            EndpointPattern("QueueEndpoint").Replace(azuriteConnectionString, $"QueueEndpoint={queue}"), $"TableEndpoint={table}");
        return proxy;
    }

    public void Reset()
    {
        _counts.Clear();
        _rowCounts.Clear();
    }

    /// <summary>
    /// The next request counted under <paramref name="key"/> (e.g. "queue deposits/messages POST") is forwarded only once
    /// <paramref name="until"/> completes: a test holds a request in flight for as long as it needs.
    /// </summary>
    public void HoldNext(string key, Task until) => _holds[key] = until;

    /// <summary>Requests counted under keys starting with <paramref name="prefix"/>.</summary>
    public int Sum(string prefix) => _counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>
    /// Requests for one row, counted per "{service} {resource} {method} {row key}" (e.g. "table Ledger GET head"), under
    /// keys starting with <paramref name="prefix"/>.
    /// </summary>
    public int SumRows(string prefix) => _rowCounts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _forward.Dispose();
    }

    private async Task<string> ListenAsync(Uri target, string service, string prefix)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context => ForwardAsync(context, target, service, prefix));
        await app.StartAsync();
        _apps.Add(app);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new UriBuilder(target) { Port = address.Port }.Uri.ToString().TrimEnd('/');
    }

    private async Task ForwardAsync(HttpContext context, Uri target, string service, string prefix)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var key = $"{service} {Resource(path, prefix)} {context.Request.Method}";
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (RowKey().Match(path) is { Success: true } row)
        {
            _rowCounts.AddOrUpdate($"{key} {row.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)}", 1, (_, n) => n + 1);
        }

        if (_holds.TryRemove(key, out var hold))
        {
            await hold;
        }

        // The raw target, as sent: the signature covers the path's escaping, which Request.Path has undone.
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri($"{target.Scheme}://{target.Authority}{raw}"));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        foreach (var header in context.Request.Headers.Where(h => h.Key != "Host"))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        using var response = await _forward.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Transfer-Encoding"))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (response.StatusCode != HttpStatusCode.NoContent && context.Request.Method != "HEAD")
        {
            await response.Content.CopyToAsync(context.Response.Body);
        }
    }

    /// <summary>The table or queue a path names, without the test's prefix: "/devstoreaccount1/tabcLedger(...)" is "Ledger".</summary>
    private static string Resource(string path, string prefix)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "(account)";
        var name = resource.Split('(')[0];
        name = name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? name[prefix.Length..] : name;
        var kind = resource.Contains("PartitionKey=", StringComparison.Ordinal) ? string.Empty : " query";
        return segments.Length > 2 ? $"{name}/{segments[2]}" : name + (resource.Contains('(') ? kind : string.Empty);
    }

    private static Uri Endpoint(string connectionString, string key) =>
        new(EndpointPattern(key).Match(connectionString) is { Success: true } m
            ? m.Groups[1].Value
            : throw new ArgumentException($"the connection string has no {key}", nameof(connectionString)));

    private static Regex EndpointPattern(string key) => new($"{key}=([^;]+)");

    [GeneratedRegex(@"RowKey='((?:[^']|'')*)'\)$")]
    private static partial Regex RowKey();
}
