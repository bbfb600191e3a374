using System.Text;
using System.Text.Json;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// What every dialect's test client does the same way: a JSON body (an object, or raw text as given, so tests can send
/// malformed JSON) and the answer read as status plus parsed body (default for an empty body).
/// </summary>
public static class JsonHttp
{
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
