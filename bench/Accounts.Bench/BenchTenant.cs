using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Accounts.Bench;

/// <summary>
/// One tenant, created through the operator route, with what each dialect's client sends: keys, a bearer token, the
/// partner id, and signed deposit webhooks. Every call checks its status, so a benchmark never times failures.
/// </summary>
public sealed class BenchTenant
{
    private readonly HttpClient _http;

    private BenchTenant(HttpClient http, string id, string apiKey, string clientSecret, string webhookSecret)
    {
        _http = http;
        Id = id;
        ApiKey = apiKey;
        ClientSecret = clientSecret;
        WebhookSecret = webhookSecret;
    }

    public string Id { get; }

    public string ApiKey { get; }

    public string ClientSecret { get; }

    public string WebhookSecret { get; }

    public string ProductId => Id + "-product";

    public string PartnerId => Id + "-partner";

    public string Token { get; private set; } = string.Empty;

    public static async Task<BenchTenant> CreateAsync(HttpClient http, string id)
    {
        using var request = Body(HttpMethod.Post, "/operator/tenants", new { name = id, product_id = id + "-product", partner_id = id + "-partner", id });
        request.Headers.Add("x-operator-key", AppProcess.OperatorKey);
        var created = await SendAsync(http, request, 201);
        var tenant = new BenchTenant(http, id, created["api_key"]!["key"]!.GetValue<string>(),
            created["client_secret"]!.GetValue<string>(), created["webhook_secret"]!.GetValue<string>());
        using var token = Body(HttpMethod.Post, "/zoqq/api/v1/auth/token", new { client_secret = tenant.ClientSecret });
        token.Headers.Add("x-api-key", tenant.ApiKey);
        token.Headers.Add("x-product-id", tenant.ProductId);
        tenant.Token = (await SendAsync(http, token, 200))["access_token"]!.GetValue<string>();
        return tenant;
    }

    /// <summary>A request with the tenant's API key, the bearer token and the headers every dialect accepts.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? userId = null)
    {
        var request = body is null ? new HttpRequestMessage(method, path) : Body(method, path, body);
        request.Headers.Add("x-api-key", ApiKey);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.UserAgent.ParseAdd("AccountsBench/1.0");
        if (path.StartsWith("/zoqq/", StringComparison.Ordinal))
        {
            request.Headers.Add("x-product-id", ProductId);
            request.Headers.Add("x-request-id", Guid.NewGuid().ToString());
            request.Headers.Add("x-user-id", userId ?? "bench-user");
        }

        return request;
    }

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body = null, int expect = 200, string? userId = null)
    {
        using var request = Request(method, path, body, userId);
        return await SendAsync(_http, request, expect);
    }

    /// <summary>A deposit webhook as the provider sends it: x-timestamp and the HMAC of "{timestamp}.{body}".</summary>
    public HttpRequestMessage Deposit(string reference, string accountNumber, string amount, string currency)
    {
        var body = JsonSerializer.Serialize(new
        {
            @event = "deposit.settled",
            reference,
            account_number = accountNumber,
            amount,
            currency,
            occurred_at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/deposits") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", ApiKey);
        request.Headers.Add("x-timestamp", timestamp);
        request.Headers.Add("x-signature", signature);
        return request;
    }

    /// <summary>
    /// Sends and checks the status. A 503 (storage overloaded) is retried as a client would, after a short pause, up to
    /// ten times; <see cref="Retries"/> counts them so the report can say the app shed load.
    /// </summary>
    public static async Task<JsonNode> SendAsync(HttpClient http, HttpRequestMessage request, int expect)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var copy = attempt == 1 ? null : await CopyAsync(request);
            using var response = await http.SendAsync(copy ?? request);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode == 503 && attempt < 10)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(200 * attempt);
                continue;
            }

            if ((int)response.StatusCode != expect)
            {
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}, expected {expect}: {text}");
            }

            return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
        }
    }

    private static int _retries;

    public static int Retries => _retries;

    // A sent HttpRequestMessage cannot be sent again.
    private static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            copy.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync());
            foreach (var header in request.Content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    private static HttpRequestMessage Body(HttpMethod method, string path, object body) =>
        new(method, path) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}
