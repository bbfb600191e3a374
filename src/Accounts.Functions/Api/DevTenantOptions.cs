namespace Accounts.Functions.Api;

/// <summary>
/// The local-development tenant, seeded at start when configured (section "DevTenant"). Its values are the
/// documented development defaults, never production secrets. Each start makes the configured values the tenant's
/// only credentials: a previously configured API key (and its tokens) stops working.
/// </summary>
public sealed class DevTenantOptions
{
    public const string Section = "DevTenant";

    public string Id { get; set; } = "00000000-0000-4000-8000-000000000001";

    public string Name { get; set; } = "Development Tenant";

    public string? ApiKey { get; set; }

    public string ProductId { get; set; } = "dev-product";

    public string PartnerId { get; set; } = "dev-partner";

    public string ClientSecret { get; set; } = string.Empty;

    public string WebhookSecret { get; set; } = string.Empty;

    public string Environment { get; set; } = "SANDBOX";
}
