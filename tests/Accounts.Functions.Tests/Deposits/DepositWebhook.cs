using System.Globalization;
using System.Text.Json;
using Accounts.Core.Tenancy;
using Accounts.Functions.Deposits;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>Sends deposit events the way a provider does: signed with the tenant's webhook secret.</summary>
public static class DepositWebhook
{
    public static object Event(string type, string reference, string accountNumber, string amount, string currency = "SGD",
        string? narration = null) => new
    {
        @event = "deposit." + type,
        reference,
        account_number = accountNumber,
        amount,
        currency,
        sender = new { name = "Jane Payer", account_number = "0011223344", bank = "DBS" },
        narration = narration ?? $"{type} {reference}",
        occurred_at = "2025-04-09T10:12:37Z",
    };

    public static HttpRequestMessage Request(TenantRegistration tenant, object body, DateTimeOffset? at = null, string? signature = null)
    {
        var json = body as string ?? JsonSerializer.Serialize(body);
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/deposits")
        {
            Content = JsonHttp.Content(json),
        };
        request.Headers.Add("x-api-key", tenant.ApiKey);
        request.Headers.Add("x-timestamp", timestamp);
        request.Headers.Add("x-signature", signature ?? WebhookSignature.Sign(tenant.WebhookSecret, timestamp, json));
        return request;
    }

    /// <summary>A request whose body is exactly <paramref name="body"/>, signed over those bytes unless a signature is given.</summary>
    public static HttpRequestMessage RawRequest(TenantRegistration tenant, byte[] body, string? signature = null)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/deposits") { Content = content };
        request.Headers.Add("x-api-key", tenant.ApiKey);
        request.Headers.Add("x-timestamp", timestamp);
        request.Headers.Add("x-signature", signature ?? WebhookSignature.Sign(tenant.WebhookSecret, timestamp, body));
        return request;
    }

    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, TenantRegistration tenant, object body)
    {
        using var request = Request(tenant, body);
        return await ReadAsync(await client.SendAsync(request));
    }

    /// <summary>The reference's recorded events once none is still RECEIVED (processing is asynchronous).</summary>
    public static async Task<JsonElement[]> WaitProcessedAsync(HttpClient client, TenantRegistration tenant, string reference, int events = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/webhooks/deposits/{Uri.EscapeDataString(reference)}");
            request.Headers.Add("x-api-key", tenant.ApiKey);
            var (status, body) = await ReadAsync(await client.SendAsync(request));
            if (status == 200)
            {
                var found = body.GetProperty("events").EnumerateArray().ToArray();
                if (found.Length >= events && found.All(e => e.GetProperty("status").GetString() != "RECEIVED"))
                {
                    return found;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"deposit {reference} was not processed: {status} {body}");
            }

            await Task.Delay(50);
        }
    }

    public static Task<(int Status, JsonElement Body)> ReadAsync(HttpResponseMessage response) => JsonHttp.ReadAsync(response);
}
