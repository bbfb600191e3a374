using Accounts.Core.Tenancy;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tenancy;

/// <summary>Tenants in one small partition; API key hashes in their own partitions so a lookup is one point read.</summary>
public sealed class TableTenantStore(StorageTables tables) : ITenantStore
{
    private const string TenantPartition = "tenant";
    private const string KeyRow = "key";

    public async Task SaveAsync(Tenant tenant, IReadOnlyCollection<string> apiKeyHashes, CancellationToken ct)
    {
        var row = new DynamicTableEntity(TenantPartition, KeyEncoder.Encode(tenant.Id))
            .Set("Id", tenant.Id)
            .Set("Name", tenant.Name)
            .Set("ProductId", tenant.ProductId)
            .Set("PartnerId", tenant.PartnerId)
            .Set("Environment", tenant.Environment)
            .Set("ClientSecretHash", tenant.ClientSecretHash)
            .Set("WebhookSecret", tenant.WebhookSecret);
        await tables.Tenants.ExecuteAsync(TableOperation.InsertOrReplace(row), null, null, ct);

        // Keys after the tenant, so a key never resolves to a tenant that does not exist yet.
        await Task.WhenAll(apiKeyHashes.Select(hash => tables.ApiKeys.ExecuteAsync(
            TableOperation.InsertOrReplace(new DynamicTableEntity(KeyEncoder.Encode(hash), KeyRow).Set("TenantId", tenant.Id)),
            null,
            null,
            ct)));
    }

    public async Task<Tenant?> GetAsync(string tenantId, CancellationToken ct)
    {
        var row = await tables.Tenants.GetAsync(TenantPartition, KeyEncoder.Encode(tenantId), ct);
        return row is null
            ? null
            : new Tenant(
                row.GetString("Id"),
                row.GetString("Name"),
                row.GetString("ProductId"),
                row.GetString("PartnerId"),
                row.GetString("Environment"),
                row.GetString("ClientSecretHash"),
                row.GetString("WebhookSecret"));
    }

    public async Task<Tenant?> FindByApiKeyHashAsync(string apiKeyHash, CancellationToken ct)
    {
        var key = await tables.ApiKeys.GetAsync(KeyEncoder.Encode(apiKeyHash), KeyRow, ct);
        return key is null ? null : await GetAsync(key.GetString("TenantId"), ct);
    }
}
