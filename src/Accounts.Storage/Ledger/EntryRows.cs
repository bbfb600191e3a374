using Accounts.Core.Ledger;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>Maps ledger entries to rows holding every field, so an entry can be re-hashed from its row alone.</summary>
internal static class EntryRows
{
    public static TableEntity From(string partition, LedgerEntry entry) =>
        new TableEntity(partition, LedgerKeys.Entry(entry.CreatedAt, entry.Sequence))
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

    public static LedgerEntry To(TableEntity row) =>
        new(
            row.RequireString("Id"),
            row.RequireString("BookId"),
            row.RequireInt64("Sequence"),
            row.RequireString("AccountId"),
            row.RequireString("Reference"),
            row.GetEnum<EntryType>("Type"),
            row.GetEnum<Direction>("Direction"),
            row.GetEnum<EntryStatus>("Status"),
            new Core.Money.Money(row.RequireInt64("AmountMinor"), BookRows.ToCurrency(row, row.RequireString("Currency"))),
            row.RequireInt64("FeeMinor"),
            new BalanceDelta(row.RequireInt64("DeltaPosted"), row.RequireInt64("DeltaPending"), row.RequireInt64("DeltaReserved")),
            row.RequireInt64("PostedAfter"),
            row.RequireInt64("AvailableAfter"),
            row.RequireString("Description"),
            row.GetStringOrNull("ParentEntryId"),
            row.GetStringOrNull("Counterparty"),
            row.GetTime("CreatedAt"),
            row.RequireString("PreviousHash"),
            row.RequireString("Hash"));
}
