namespace Accounts.Core.Tenancy;

/// <summary>
/// A tenant with its plain credentials as configured (the development tenant) or as just issued; what is stored is a
/// keyed hash of the API key and client secret and the webhook secret encrypted.
/// </summary>
public sealed record TenantRegistration(
    string Id,
    string Name,
    string ProductId,
    string PartnerId,
    string Environment,
    string ApiKey,
    string ClientSecret,
    string WebhookSecret)
{
    /// <summary>Never the credentials.</summary>
    public override string ToString() => $"TenantRegistration {Id}";
}
