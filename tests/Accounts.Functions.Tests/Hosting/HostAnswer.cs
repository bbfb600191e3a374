using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// An invocation answer read the way the Functions host reads it (DefaultHttpWorkerService.ProcessDefaultInvocationRequest):
/// a non-2xx status fails the invocation before the body is read, so its Outputs and Logs do not exist for the host;
/// a 2xx body is <c>{"Outputs","Logs","ReturnValue"}</c> with keys matched case-insensitively; an empty 2xx body is read
/// as null and the invocation never completes, so it fails the test here.
/// </summary>
internal sealed class HostAnswer
{
    private readonly JsonElement _body;

    private HostAnswer(int status, JsonElement body)
    {
        Status = status;
        _body = body;
    }

    public int Status { get; }

    public bool Succeeded => Status is >= 200 and < 300;

    public JsonElement Outputs => Section("Outputs");

    public IReadOnlyList<string> Logs => Section("Logs") is { ValueKind: JsonValueKind.Array } logs
        ? logs.EnumerateArray().Select(l => l.GetString() ?? string.Empty).ToList()
        : [];

    public JsonElement ReturnValue => Section("ReturnValue");

    /// <summary>POSTs <paramref name="payload"/> to <c>/{function}</c> as the host does and reads the answer as it would.</summary>
    public static async Task<HostAnswer> InvokeAsync(HttpClient client, string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1036.0");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", "4.1036.0"));
        using var response = await client.SendAsync(request);
        return await ReadAsync(response);
    }

    public static async Task<HostAnswer> ReadAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 300)
        {
            return new HostAnswer(status, default); // EnsureSuccessStatusCode: the body is never read
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(text), $"A {status} without a body: the host would wait on this invocation until functionTimeout");
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new Xunit.Sdk.XunitException($"The host could not read this {status} answer ({ex.Message}): {text}");
        }

        Assert.True(body.ValueKind == JsonValueKind.Object, $"The host reads an object, not: {text}");
        return new HostAnswer(status, body);
    }

    private JsonElement Section(string name)
    {
        Assert.True(Succeeded, $"A {Status} answer failed the invocation: the host discarded its {name}");
        return _body.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
