using Accounts.Core.Ledger;
using Accounts.Storage.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>
/// The server-side part of an <see cref="EntryQuery"/>: the time range as a RowKey range, and the field filters as
/// property filters so non-matching rows are not transferred. The store still applies <see cref="EntryQuery.Matches"/>
/// to every row, so the core's definition of a match is the one that counts.
/// </summary>
internal static class EntryFilter
{
    /// <summary>The filter, or null when the time range is empty.</summary>
    public static string? For(string bookId, EntryQuery query)
    {
        var from = query.From is { } f ? LedgerKeys.EntryBound(f) : LedgerKeys.EntryPrefix;
        var to = query.To is { } t ? LedgerKeys.EntryBound(t) : LedgerKeys.EntryEnd;
        if (string.CompareOrdinal(from, to) >= 0)
        {
            return null;
        }

        var filter = TableReads.RowRange(LedgerKeys.Partition(bookId), from, to);
        filter = Equal(filter, "AccountId", query.AccountId);
        filter = Equal(filter, "Currency", query.Currency);
        filter = Equal(filter, "Status", query.Status?.ToString());
        filter = Equal(filter, "Type", query.Type?.ToString());
        return query.PostedChangesOnly
            ? TableReads.And(filter, TableReads.Compare("DeltaPosted", "ne", 0))
            : filter;
    }

    private static string Equal(string filter, string property, string? value) =>
        value is null ? filter : TableReads.And(filter, TableReads.Compare(property, "eq", value));
}
