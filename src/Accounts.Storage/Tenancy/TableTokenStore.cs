using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Tenancy;

/// <summary>
/// Bearer tokens by keyed hash, with the API key each was issued under; expiry and key are returned as stored and
/// checked by the caller. Rows written before tokens recorded their key have no KeyId and are read as unknown.
/// </summary>
public sealed class TableTokenStore(StorageTables tables) : ITokenStore
{
    private const string TokenRow = "token";

    public async Task InsertAsync(AccessToken token, CancellationToken ct)
    {
        var row = new TableEntity(KeyEncoder.Encode(token.TokenHash), TokenRow)
            .Set("TenantId", token.TenantId)
            .Set("KeyId", token.KeyId)
            .Set("ExpiresAt", token.ExpiresAt);
        // Never overwrite: replacing would hand an existing token to another tenant.
        await tables.Tokens.InsertNewAsync(row, "A token with this hash", ct);
    }

    public async Task<AccessToken?> FindAsync(string tokenHash, CancellationToken ct)
    {
        var row = await tables.Tokens.GetAsync(KeyEncoder.Encode(tokenHash), TokenRow, ct);
        return row?.GetStringOrNull("KeyId") is { } keyId
            ? new AccessToken(tokenHash, row.RequireString("TenantId"), keyId, row.GetTime("ExpiresAt"))
            : null;
    }
}
