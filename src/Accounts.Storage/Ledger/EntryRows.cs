using Accounts.Core.Ledger;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Ledger;

/// <summary>Maps ledger entries to rows holding every field, so an entry can be re-hashed from its row alone.</summary>
internal static class EntryRows
{
    public static DynamicTableEntity From(string partition, LedgerEntry entry) =>
        new DynamicTableEntity(partition, LedgerKeys.Entry(entry.CreatedAt, entry.Sequence))
            .Set("Id", entry.Id)
            .Set("BookId", entry.BookId)
            .Set("Sequence", entry.Sequence)
            .Set("AccountId", entry.AccountId)
            .Set("Reference", entry.Reference)
            .Set("Type", entry.Type.ToString())
            .Set("Direction", entry.Direction.ToString())
            .Set("Status", entry.Status.ToString())
            .Set("AmountMinor", entry.Amount.Minor)
            .Set("Currency", entry.Amount.Currency.Code)
            .Set("FeeMinor", entry.FeeMinor)
            .Set("DeltaPosted", entry.Delta.Posted)
            .Set("DeltaPending", entry.Delta.Pending)
            .Set("DeltaReserved", entry.Delta.Reserved)
            .Set("PostedAfter", entry.PostedAfter)
            .Set("AvailableAfter", entry.AvailableAfter)
            .Set("Description", entry.Description)
            .Set("ParentEntryId", entry.ParentEntryId)
            .Set("Counterparty", entry.Counterparty)
            .Set("CreatedAt", entry.CreatedAt)
            .Set("PreviousHash", entry.PreviousHash)
            .Set("Hash", entry.Hash);

    public static LedgerEntry To(DynamicTableEntity row) =>
        new(
            row.GetString("Id"),
            row.GetString("BookId"),
            row.GetInt64("Sequence"),
            row.GetString("AccountId"),
            row.GetString("Reference"),
            row.GetEnum<EntryType>("Type"),
            row.GetEnum<Direction>("Direction"),
            row.GetEnum<EntryStatus>("Status"),
            new Core.Money.Money(row.GetInt64("AmountMinor"), BookRows.ToCurrency(row, row.GetString("Currency"))),
            row.GetInt64("FeeMinor"),
            new BalanceDelta(row.GetInt64("DeltaPosted"), row.GetInt64("DeltaPending"), row.GetInt64("DeltaReserved")),
            row.GetInt64("PostedAfter"),
            row.GetInt64("AvailableAfter"),
            row.GetString("Description"),
            row.GetStringOrNull("ParentEntryId"),
            row.GetStringOrNull("Counterparty"),
            row.GetTime("CreatedAt"),
            row.GetString("PreviousHash"),
            row.GetString("Hash"));
}
