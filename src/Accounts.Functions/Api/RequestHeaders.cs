using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// The bearer token and JSON content checks every dialect shares. Only what the dialects document differently is a
/// parameter: Ledger's refusal text, and Vertex accepting a body without a Content-Type.
/// </summary>
public static class RequestHeaders
{
    public const string JsonContentRequired = "Content-Type header must be application/json";

    /// <summary>The token of <c>Authorization: Bearer &lt;token&gt;</c>; a missing or other scheme is a 401 naming the header.</summary>
    public static string BearerToken(HttpRequest request)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new DomainException(ErrorKind.Unauthorized, "Authorization header with a Bearer token is required", "Authorization");
        }

        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : throw new DomainException(ErrorKind.Unauthorized, "Authorization header must be \"Bearer <access_token>\"", "Authorization");
    }

    /// <summary>
    /// A Content-Type, when given, must be JSON. A body without one is refused when <paramref name="requiredWithBody"/>;
    /// a body-less request may omit it, because the Functions host forwards content headers only with a body.
    /// </summary>
    public static void EnsureJsonContent(HttpRequest request, string message = JsonContentRequired, bool requiredWithBody = true)
    {
        var contentType = request.ContentType;
        var refused = string.IsNullOrEmpty(contentType)
            ? requiredWithBody && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
            : !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
        if (refused)
        {
            throw DomainException.Invalid("Content-Type", message);
        }
    }
}
