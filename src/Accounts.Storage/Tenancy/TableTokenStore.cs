using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tenancy;

/// <summary>Bearer tokens by hash; expiry is returned as stored and checked by the caller.</summary>
public sealed class TableTokenStore(StorageTables tables) : ITokenStore
{
    private const string TokenRow = "token";

    public async Task InsertAsync(AccessToken token, CancellationToken ct)
    {
        var row = new DynamicTableEntity(KeyEncoder.Encode(token.TokenHash), TokenRow)
            .Set("TenantId", token.TenantId)
            .Set("ExpiresAt", token.ExpiresAt);
        try
        {
            await tables.Tokens.ExecuteAsync(TableOperation.Insert(row), TableWrites.Once, null, ct);
        }
        catch (StorageException e) when (e.Is(StorageStatus.Conflict))
        {
            // Never overwrite: replacing would hand an existing token to another tenant.
            throw new ConcurrencyException("A token with this hash already exists");
        }
    }

    public async Task<AccessToken?> FindAsync(string tokenHash, CancellationToken ct)
    {
        var row = await tables.Tokens.GetAsync(KeyEncoder.Encode(tokenHash), TokenRow, ct);
        return row is null ? null : new AccessToken(tokenHash, row.GetString("TenantId"), row.GetTime("ExpiresAt"));
    }
}
