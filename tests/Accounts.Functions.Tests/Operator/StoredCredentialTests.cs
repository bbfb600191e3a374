using Accounts.Core.Security;
using Accounts.Functions.Tests.Infrastructure;

namespace Accounts.Functions.Tests.Operator;

[Collection(AppCollection.Name)]
public sealed class StoredCredentialTests(AppFixture app)
{
    private readonly OperatorClient _operator = new(app.Services, app.CreateClient);

    [Fact]
    public async Task No_table_row_holds_an_api_key_secret_or_token_in_clear()
    {
        var tenant = await _operator.CreateTenantAsync();
        var secondKey = (await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/api-keys")).Body.GetProperty("key").GetString()!;
        var token = (await _operator.TokenAsync(tenant.ApiKey, tenant.ProductId, tenant.ClientSecret)).Token!;
        var rotatedClient = (await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/client-secret")).Body.GetProperty("client_secret").GetString()!;
        var rotatedWebhook = (await _operator.SendAsync(HttpMethod.Post, $"/operator/tenants/{tenant.Id}/webhook-secret")).Body.GetProperty("webhook_secret").GetString()!;

        var rows = await RawRows.ReadAllAsync(app.Services);

        var tenantRow = Assert.Single(rows, r => r.Table.EndsWith("Tenants", StringComparison.Ordinal) && r.Properties.GetValueOrDefault("Id") == tenant.Id);
        Assert.StartsWith("v1:", tenantRow.Properties["WebhookSecretSealed"]);
        Assert.StartsWith("v1:", tenantRow.Properties["PreviousWebhookSecretSealed"]);
        Assert.Matches("^[0-9a-f]{64}$", tenantRow.Properties["ClientSecretHash"]);
        string[] secrets = [tenant.ApiKey, secondKey, token, tenant.ClientSecret, rotatedClient, tenant.WebhookSecret, rotatedWebhook];
        foreach (var secret in secrets)
        {
            // The random part alone, so a stored value missing only its prefix would be caught too. Only the known
            // prefixes are cut: a bearer token has none, and cutting at a '_' inside its base64url text could leave a
            // few characters that any row contains by chance.
            var random = System.Text.RegularExpressions.Regex.Replace(secret, "^(ak|cs|whsec)_", string.Empty);
            Assert.True(random.Length >= 40, $"a secret's random part is only {random.Length} characters");
            Assert.DoesNotContain(rows, r => r.Text.Contains(random, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_api_key_is_stored_as_a_peppered_hash_never_as_a_bare_sha256()
    {
        var tenant = await _operator.CreateTenantAsync();
        var bareSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tenant.ApiKey)));

        var rows = await RawRows.ReadAllAsync(app.Services);

        Assert.DoesNotContain(rows, r => r.Text.Contains(bareSha, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Table.EndsWith("ApiKeys", StringComparison.Ordinal) && r.Properties.GetValueOrDefault("TenantId") == tenant.Id);
        Assert.StartsWith(GeneratedSecret.ApiKeyPrefix, tenant.ApiKey);
    }
}
