using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Accounts.Functions.Api;

/// <summary>
/// What makes two requests "the same" for idempotency: the operation, the parts of the caller's identity that
/// select the target, and the body with insignificant whitespace removed.
/// </summary>
public static class RequestFingerprint
{
    public static string Of(string operation, IEnumerable<string?> identity, string body)
    {
        var canonicalBody = string.IsNullOrWhiteSpace(body) ? string.Empty : Canonical(body);
        var text = string.Join('\n', new[] { operation }.Concat(identity.Select(i => i ?? string.Empty)).Append(canonicalBody));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Canonical(string body)
    {
        try
        {
            return JsonNode.Parse(body)?.ToJsonString() ?? string.Empty;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON with a string that is not text (an escaped lone surrogate): the raw text still
            // identifies the request, and a handler that reads the body refuses it.
            return body;
        }
    }
}
