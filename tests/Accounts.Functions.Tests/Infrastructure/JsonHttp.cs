using System.Text;
using System.Text.Json;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// What every dialect's test client does the same way: a request with its headers and a JSON body (an object, or raw
/// text as given, so tests can send malformed JSON), and the answer read as status plus parsed body (default for an
/// empty body).
/// </summary>
public static class JsonHttp
{
    /// <summary>
    /// A request with <paramref name="headers"/>, leaving out those whose value is null (how a test omits one), and
    /// <paramref name="body"/> as JSON content when given.
    /// </summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, object? body, params (string Name, string? Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                request.Headers.Add(name, value);
            }
        }

        if (body is not null)
        {
            request.Content = Content(body);
        }

        return request;
    }

    public static StringContent Content(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Sends <paramref name="request"/>, disposing it and its response, and reads the answer.</summary>
    public static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await ReadAsync(await client.SendAsync(request));
        }
    }

    public static async Task<(int Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }
    }
}
