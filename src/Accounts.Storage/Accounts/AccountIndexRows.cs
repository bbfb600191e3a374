using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

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

    public static DynamicTableEntity Holder(string tenantId, string holderId, string accountId) =>
        new DynamicTableEntity(HolderPartition(tenantId, holderId), AccountRows.Row(accountId)).Set("AccountId", accountId);

    public static DynamicTableEntity Number(string tenantId, string accountNumber, string accountId) =>
        new DynamicTableEntity(NumberPartition(tenantId), KeyEncoder.Encode(accountNumber)).Set("AccountId", accountId);
}
