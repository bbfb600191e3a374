using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Tenancy;

/// <summary>
/// Tenants in one small partition, written version-checked; API key hashes in their own partitions so a lookup by key
/// is one point read. Rows hold hashes and sealed secrets only (see <see cref="TenantRecord"/>).
/// </summary>
public sealed class TableTenantStore(StorageTables tables) : ITenantStore
{
    // Rows of the earlier format (partition "tenant", row "key") held a bare SHA-256 and the webhook secret in clear;
    // they are never read. The development tenant is registered again from configuration at start.
    private const string TenantPartition = "tenants";
    private const string OwnerRow = "owner";

    public async Task InsertAsync(TenantRecord tenant, CancellationToken ct) =>
        await tables.Tenants.InsertNewAsync(ToRow(tenant), $"Tenant {tenant.Id}", ct);

    public async Task<TenantRecord> ReplaceAsync(TenantRecord tenant, CancellationToken ct)
    {
        var row = ToRow(tenant).WithVersion(tenant.Version);
        return tenant with { Version = await tables.Tenants.ReplaceIfCurrentAsync(row, $"Tenant {tenant.Id}", ct) };
    }

    public async Task<TenantRecord?> GetAsync(string tenantId, CancellationToken ct)
    {
        var row = await tables.Tenants.GetAsync(TenantPartition, KeyEncoder.Encode(tenantId), ct);
        return row is null
            ? null
            : new TenantRecord(
                row.RequireString("Id"),
                row.RequireString("Name"),
                row.RequireString("ProductId"),
                row.RequireString("PartnerId"),
                row.RequireString("Environment"),
                row.RequireString("ClientSecretHash"),
                row.RequireString("WebhookSecretSealed"),
                StoredJson.Read<List<ApiKeyInfo>>(row.RequireString("ApiKeys"))
                    ?? throw new InvalidDataException($"Tenant row {row.RowKey} has null ApiKeys"),
                row.GetTime("CreatedAt"))
            {
                PreviousWebhookSecretSealed = row.GetStringOrNull("PreviousWebhookSecretSealed"),
                PreviousWebhookSecretValidUntil = row.GetTimeOrNull("PreviousWebhookSecretValidUntil"),
                Version = row.Version(),
            };
    }

    public async Task AddApiKeyAsync(ApiKeyOwner owner, CancellationToken ct)
    {
        var row = new TableEntity(KeyEncoder.Encode(owner.KeyHash), OwnerRow)
            .Set("TenantId", owner.TenantId)
            .Set("KeyId", owner.KeyId);
        try
        {
            await tables.ApiKeys.InsertNewAsync(row, "API key", ct);
        }
        catch (ConcurrencyException)
        {
            // Written before (a restart registering the same configured key) is fine; another owner is not.
            if (await FindApiKeyAsync(owner.KeyHash, ct) != owner)
            {
                throw;
            }
        }
    }

    public async Task<ApiKeyOwner?> FindApiKeyAsync(string keyHash, CancellationToken ct)
    {
        var row = await tables.ApiKeys.GetAsync(KeyEncoder.Encode(keyHash), OwnerRow, ct);
        return row is null ? null : new ApiKeyOwner(keyHash, row.RequireString("TenantId"), row.RequireString("KeyId"));
    }

    private static TableEntity ToRow(TenantRecord tenant) =>
        new TableEntity(TenantPartition, KeyEncoder.Encode(tenant.Id))
            .Set("Id", tenant.Id)
            .Set("Name", tenant.Name)
            .Set("ProductId", tenant.ProductId)
            .Set("PartnerId", tenant.PartnerId)
            .Set("Environment", tenant.Environment)
            .Set("ClientSecretHash", tenant.ClientSecretHash)
            .Set("WebhookSecretSealed", tenant.WebhookSecretSealed)
            .Set("PreviousWebhookSecretSealed", tenant.PreviousWebhookSecretSealed)
            .Set("PreviousWebhookSecretValidUntil", tenant.PreviousWebhookSecretValidUntil)
            .Set("ApiKeys", StoredJson.Write(tenant.ApiKeys))
            .Set("CreatedAt", tenant.CreatedAt);
}
