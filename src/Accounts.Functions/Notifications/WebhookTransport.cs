using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Accounts.Core.Notifications;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace Accounts.Functions.Notifications;

/// <summary>
/// Sends one event: a POST of its stored payload, signed per Standard Webhooks (webhook-id = the event id,
/// webhook-timestamp = now, webhook-signature = "v1,&lt;sig&gt;" for each secret that signs, space-separated). The
/// client follows no redirect, gives up after Notifications:RequestTimeout, reads at most MaxResponseBytes of the answer,
/// and connects only to addresses <see cref="EndpointUrlRules"/> allows, checked on the address it resolved and then
/// connects to (so a name that resolves elsewhere between check and use cannot slip through).
/// </summary>
public sealed class WebhookTransport : IWebhookTransport, IDisposable
{
    private const int MaxError = 300;

    private readonly HttpClient _http;
    private readonly WebhookEndpointAdministration _endpoints;
    private readonly TimeProvider _clock;
    private readonly int _maxResponseBytes;
    private readonly TimeSpan _timeout;

    public WebhookTransport(EndpointUrlRules rules, WebhookEndpointAdministration endpoints, TimeProvider clock, IOptions<NotificationOptions> options)
    {
        _endpoints = endpoints;
        _clock = clock;
        _maxResponseBytes = options.Value.MaxResponseBytes;
        _timeout = options.Value.RequestTimeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Value.RequestTimeout,
            ConnectCallback = (context, ct) => ConnectAsync(rules, context.DnsEndPoint, ct),
        };
        // The timeout is applied per attempt below, around the answer's body too (HttpClient's own stops at the headers).
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<DeliveryAttempt> SendAsync(WebhookEndpoint endpoint, NotificationEvent notification, CancellationToken ct)
    {
        var at = _clock.GetUtcNow();
        var signatures = Signatures(_endpoints.SigningSecrets(endpoint)
            .Select(secret => new StandardWebhook(secret).Sign(notification.Id, at, notification.Payload)).ToList());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(notification.Payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", notification.Id);
        request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signatures);
        request.Headers.UserAgent.ParseAdd("Accounts-Webhooks/1.0");

        var watch = Stopwatch.StartNew();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, bounded.Token);
            await DrainAsync(response, bounded.Token);
            return new DeliveryAttempt(at, (int)response.StatusCode, watch.ElapsedMilliseconds, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryAttempt(at, null, watch.ElapsedMilliseconds, $"no answer within {_timeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            return new DeliveryAttempt(at, null, watch.ElapsedMilliseconds, Describe(ex));
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// Space-separated, as the spec says. With more than one, the last is repeated: StandardWebhook.Verify of the
    /// StandardWebhooks package (1.1.2) stops before the last entry of a list, so without the repeat a receiver using it
    /// would accept only the first secret during a rotation. A repeated signature changes nothing for other verifiers.
    /// </summary>
    public static string Signatures(IReadOnlyList<string> signatures) =>
        string.Join(' ', signatures.Count > 1 ? [.. signatures, signatures[^1]] : signatures);

    /// <summary>Reads (and discards) up to the cap, so a huge or endless answer costs nothing more.</summary>
    private async Task DrainAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[8192];
        var read = 0;
        while (read < _maxResponseBytes)
        {
            var n = await body.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, _maxResponseBytes - read)), ct);
            if (n == 0)
            {
                return;
            }

            read += n;
        }
    }

    private static async ValueTask<Stream> ConnectAsync(EndpointUrlRules rules, DnsEndPoint target, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, ct);
        if (addresses.Length == 0 || addresses.Any(a => !rules.IsAllowed(a)))
        {
            throw new HttpRequestException($"{target.Host} resolves to an address notifications may not be sent to");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, target.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message;
        return message.Length <= MaxError ? message : message[..MaxError];
    }
}
