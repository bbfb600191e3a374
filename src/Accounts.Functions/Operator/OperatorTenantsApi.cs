using System.Text.RegularExpressions;
using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Functions.Api;

namespace Accounts.Functions.Operator;

/// <summary>
/// Create a tenant, issue and revoke its API keys, rotate its client and webhook secrets. Generated credentials appear
/// in these answers once and are never retrievable again.
/// </summary>
public static partial class OperatorTenantsApi
{
    private const int MaxLength = 200;

    public static async Task<IResult> Create(HttpRequest request, TenantAdministration admin, CancellationToken ct)
    {
        var body = JsonBody.Parse<CreateTenantRequest>(await JsonBody.ReadTextAsync(request, ct), OperatorJson.Options);
        var environment = body.Environment ?? "SANDBOX";
        if (environment is not ("SANDBOX" or "LIVE"))
        {
            throw DomainException.Invalid("environment", "environment must be SANDBOX or LIVE");
        }

        var id = body.Id ?? Guid.NewGuid().ToString();
        if (!TenantId().IsMatch(id))
        {
            throw DomainException.Invalid("id", "id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        var created = await admin.CreateAsync(new NewTenant(id, Text(body.Name, "name"), Text(body.ProductId, "product_id"),
            Text(body.PartnerId, "partner_id"), environment), ct);
        return Results.Json(new CreatedTenantResponse(View(created.Tenant), Key(created.ApiKey), created.ClientSecret, created.WebhookSecret),
            OperatorJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<IResult> Get(string tenantId, TenantAdministration admin, CancellationToken ct) =>
        Results.Json(View(await admin.GetAsync(tenantId, ct)), OperatorJson.Options);

    public static async Task<IResult> IssueApiKey(string tenantId, TenantAdministration admin, CancellationToken ct) =>
        Results.Json(Key(await admin.IssueApiKeyAsync(tenantId, ct)), OperatorJson.Options, statusCode: StatusCodes.Status201Created);

    public static async Task<IResult> RevokeApiKey(string tenantId, string keyId, TenantAdministration admin, CancellationToken ct)
    {
        await admin.RevokeApiKeyAsync(tenantId, keyId, ct);
        return Results.NoContent();
    }

    public static async Task<IResult> RotateClientSecret(string tenantId, TenantAdministration admin, CancellationToken ct) =>
        Results.Json(new ClientSecretResponse(await admin.RotateClientSecretAsync(tenantId, ct)), OperatorJson.Options);

    public static async Task<IResult> RotateWebhookSecret(string tenantId, TenantAdministration admin, CancellationToken ct)
    {
        var rotated = await admin.RotateWebhookSecretAsync(tenantId, ct);
        return Results.Json(new WebhookSecretResponse(rotated.Value, OperatorJson.Time(rotated.PreviousValidUntil)), OperatorJson.Options);
    }

    private static string Text(string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        return text.Length <= MaxLength && !text.Any(char.IsControl)
            ? text
            : throw DomainException.Invalid(field, $"{field} must be at most {MaxLength} characters without control characters");
    }

    private static TenantView View(TenantRecord t) =>
        new(t.Id, t.Name, t.ProductId, t.PartnerId, t.Environment, OperatorJson.Time(t.CreatedAt),
            t.ApiKeys.Select(k => new ApiKeyView(k.Id, OperatorJson.Time(k.CreatedAt))).ToList(),
            t.PreviousWebhookSecretValidUntil is { } until ? OperatorJson.Time(until) : null);

    private static ApiKeyResponse Key(IssuedApiKey key) => new(key.Id, key.Value, OperatorJson.Time(key.CreatedAt));

    // No '|': tenant ids are joined with it into scopes and book ids.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex TenantId();

    public sealed record CreateTenantRequest(string? Id, string? Name, string? ProductId, string? PartnerId, string? Environment);

    public sealed record CreatedTenantResponse(TenantView Tenant, ApiKeyResponse ApiKey, string ClientSecret, string WebhookSecret);

    public sealed record TenantView(string Id, string Name, string ProductId, string PartnerId, string Environment, string CreatedAt,
        IReadOnlyList<ApiKeyView> ApiKeys, string? PreviousWebhookSecretValidUntil);

    public sealed record ApiKeyView(string Id, string CreatedAt);

    public sealed record ApiKeyResponse(string Id, string Key, string CreatedAt);

    public sealed record ClientSecretResponse(string ClientSecret);

    public sealed record WebhookSecretResponse(string WebhookSecret, string PreviousValidUntil);
}
