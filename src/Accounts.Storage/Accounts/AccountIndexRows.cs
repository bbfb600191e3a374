using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>
/// Rows of the AccountIndex table. A holder's accounts share the partition "{tenant}|holder|{holder}" keyed by account
/// id (UUIDv7, so key order is creation order); numbers share "{tenant}|number" keyed by the number.
/// </summary>
internal static class AccountIndexRows
{
    public static string HolderPartition(string tenantId, string holderId) =>
        $"{KeyEncoder.Encode(tenantId)}|holder|{KeyEncoder.Encode(holderId)}";

    public static string NumberPartition(string tenantId) => $"{KeyEncoder.Encode(tenantId)}|number";

    public static TableEntity Holder(string tenantId, string holderId, string accountId) =>
        new TableEntity(HolderPartition(tenantId, holderId), AccountRows.Row(accountId)).Set("AccountId", accountId);

    public static TableEntity Number(string tenantId, string accountNumber, string accountId) =>
        new TableEntity(NumberPartition(tenantId), KeyEncoder.Encode(accountNumber)).Set("AccountId", accountId);
}
