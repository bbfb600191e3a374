using System.Globalization;
using Accounts.Core.Accounts;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>
/// Rows of an <see cref="AccountList"/> in the AccountIndex table, all in the list's partition
/// "{tenant}|list|{scope}": the head (counters), a slot per position ("s|{generation}|{position:D12}" → account id), a
/// member per account ("a|{generation}|{account}" → position) and a closed marker per closed member
/// ("c|{generation}|{account}"). Row keys carry the generation and the head's key carries the partition, so no two
/// lists share a row key: on Azurite a point read costs more the more rows share its key.
/// </summary>
internal static class AccountListRows
{
    public static string Partition(AccountList list) => $"{KeyEncoder.Encode(list.TenantId)}|list|{KeyEncoder.Encode(list.Scope)}";

    public static string HeadKey(AccountList list) => "h|" + Partition(list);

    /// <summary>The tenant's coverage row: whether accounts stored before lists exist in it (see IAccountLists.CoversTenantAsync).</summary>
    public static TableEntity Coverage(string tenantId, bool legacy) =>
        new TableEntity(CoveragePartition(tenantId), CoverageKey(tenantId)).Set("Legacy", legacy ? 1 : 0);

    public static string CoveragePartition(string tenantId) => $"{KeyEncoder.Encode(tenantId)}|lists";

    public static string CoverageKey(string tenantId) => "lists|" + KeyEncoder.Encode(tenantId);

    public static string SlotKey(string generation, long position) =>
        $"s|{generation}|{position.ToString("D12", CultureInfo.InvariantCulture)}";

    public static string MemberKey(string generation, string accountId) => $"a|{generation}|{KeyEncoder.Encode(accountId)}";

    public static string ClosedKey(string generation, string accountId) => $"c|{generation}|{KeyEncoder.Encode(accountId)}";

    public static TableEntity Head(AccountList list, AccountListHead head, DateTimeOffset? last) =>
        new TableEntity(Partition(list), HeadKey(list))
            .Set("Generation", head.Generation)
            .Set("Appended", head.Appended)
            .Set("Closed", head.Closed)
            .Set("Last", last);

    public static AccountListHead ToHead(TableEntity row) =>
        new(row.RequireInt64("Appended"), row.RequireInt64("Closed"), row.RequireString("Generation"));

    public static TableEntity Slot(AccountList list, string generation, long position, string accountId) =>
        new TableEntity(Partition(list), SlotKey(generation, position)).Set("AccountId", accountId);

    public static TableEntity Member(AccountList list, string generation, long position, string accountId, DateTimeOffset? at) =>
        new TableEntity(Partition(list), MemberKey(generation, accountId)).Set("Position", position).Set("At", at);

    public static TableEntity Closed(AccountList list, string generation, string accountId) =>
        new(Partition(list), ClosedKey(generation, accountId));
}
