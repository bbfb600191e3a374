using Accounts.Core.Tenancy;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>
/// <c>POST /zoqq/api/v1/auth/token</c>: exchanges the tenant's client secret for a bearer token, bound to the API key
/// presented: revoking that key revokes the token.
/// </summary>
public static class ZoqqTokenApi
{
    public static async Task<IResult> IssueToken(HttpRequest request, TenantDirectory tenants, TokenService tokens, CancellationToken ct)
    {
        var caller = await ZoqqAuthFilter.AuthenticateKeyAsync(request, tenants, ct);
        RequestHeaders.EnsureJsonContent(request);
        var body = JsonBody.Parse<TokenRequest>(await JsonBody.ReadTextAsync(request, ct), ZoqqJson.Options);
        if (string.IsNullOrEmpty(body.ClientSecret))
        {
            throw Core.Errors.DomainException.Invalid("client_secret", "client_secret is required");
        }

        var issued = await tokens.IssueAsync(caller, body.ClientSecret, ct);
        return Results.Json(new TokenResponse(issued.Value, "Bearer", (int)issued.ExpiresIn.TotalSeconds), ZoqqJson.Options);
    }

    public sealed record TokenRequest(string? ClientSecret);

    public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
}
