using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>Valid credentials for every dialect at once: each dialect reads its own headers and ignores the others.</summary>
public sealed record FuzzCredentials(TenantRegistration Tenant, string Token)
{
    public void Apply(HttpRequestMessage request, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("x-api-key", Tenant.ApiKey);
        request.Headers.TryAddWithoutValidation("x-product-id", Tenant.ProductId);
        request.Headers.TryAddWithoutValidation("x-request-id", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("x-user-id", "fuzz-user");
        request.Headers.TryAddWithoutValidation("x-account-id", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("User-Agent", "fuzz/1.0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        // The deposit webhook's signature: HMAC-SHA256 of "{timestamp}." followed by the body's bytes.
        request.Headers.TryAddWithoutValidation("x-timestamp", timestamp);
        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        request.Headers.TryAddWithoutValidation("x-signature",
            Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Tenant.WebhookSecret), signed)));
    }
}

/// <summary>One hostile request: what it sends and, for the failure report, what it is.</summary>
public sealed record FuzzCase(string Route, string Method, string PathAndQuery, string Input, FuzzCredentials? Credentials,
    byte[]? Body = null, bool Chunked = false, string? ContentType = "application/json", Action<HttpRequestMessage>? Tweak = null)
{
    public string Describe() => $"{Route} as {(Credentials is null ? "anonymous" : "tenant")}: {Method} {Shorten(PathAndQuery)} with {Input}";

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        var body = Body ?? [];
        if (Body is not null)
        {
            request.Content = Chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            request.Headers.TransferEncodingChunked = Chunked ? true : null;
        }

        Credentials?.Apply(request, body);
        Tweak?.Invoke(request);
        return request;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : $"{text[..100]}…({text.Length} chars)";

    /// <summary>A body whose length the client cannot know in advance, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
