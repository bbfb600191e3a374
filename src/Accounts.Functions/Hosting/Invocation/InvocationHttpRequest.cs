using System.Text.Json;

namespace Accounts.Functions.Hosting.Invocation;

/// <summary>
/// An HTTP trigger's request in the JSON protocol, <c>Data.req</c>: the host builds it in
/// <c>HttpRequestExtensions.GetRequestAsJObject</c> (Azure/azure-functions-host, src/WebJobs.Script/Extensions/
/// HttpRequestExtensions.cs): <c>Headers</c> is the header dictionary serialized as name → array of strings and
/// <c>Body</c> a string, absent when the request had no Content-Length. A plain string header value (as in the docs'
/// examples) is accepted too; anything else is not a request the host sent.
/// </summary>
public sealed class InvocationHttpRequest
{
    private readonly Dictionary<string, string> _headers;

    private InvocationHttpRequest(Dictionary<string, string> headers, string body)
    {
        _headers = headers;
        Body = body;
    }

    /// <summary>The body text as the host passed it; empty when it sent none.</summary>
    public string Body { get; }

    /// <summary>A header's values joined with ',', or null; names match case-insensitively.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>Reads a value already checked by <see cref="InvocationJson.CheckText"/>; throws <see cref="InvalidInvocationException"/>.</summary>
    internal static InvocationHttpRequest Read(JsonElement req, string path)
    {
        if (req.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"{path} is {InvocationJson.Describe(req.ValueKind)}, not an object");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? body = null;
        foreach (var property in req.EnumerateObject())
        {
            if (property.Name.Equals("Headers", StringComparison.OrdinalIgnoreCase))
            {
                ReadHeaders(property.Value, $"{path}.{property.Name}", headers);
            }
            else if (property.Name.Equals("Body", StringComparison.OrdinalIgnoreCase))
            {
                body = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => string.Empty,
                    var kind => throw new InvalidInvocationException($"{path}.{property.Name} is {InvocationJson.Describe(kind)}, not a string"),
                };
            }
        }

        return new InvocationHttpRequest(headers, body ?? string.Empty);
    }

    private static void ReadHeaders(JsonElement section, string path, Dictionary<string, string> headers)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"{path} is {InvocationJson.Describe(section.ValueKind)}, not an object");
        }

        foreach (var header in section.EnumerateObject())
        {
            var value = header.Value;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    string.Join(',', value.EnumerateArray().Select(v => v.GetString())),
                _ => throw new InvalidInvocationException($"{path}.{header.Name} is not a string or an array of strings"),
            };

            // Two spellings of one header would make "which value counts" depend on order: not something the host sends.
            if (!headers.TryAdd(header.Name, text))
            {
                throw new InvalidInvocationException($"{path} names header '{header.Name}' twice");
            }
        }
    }
}
