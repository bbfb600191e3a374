using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>Maps a book's head, balance and reference rows to and from table entities.</summary>
internal static class BookRows
{
    public static TableEntity FromHead(string partition, BookHead head, string? version) =>
        new TableEntity(partition, LedgerKeys.Head).WithVersion(version)
            .Set("Sequence", head.Sequence)
            .Set("LastHash", head.LastHash)
            .Set("LastTime", head.LastTime);

    public static BookHead ToHead(TableEntity row) =>
        new(row.RequireInt64("Sequence"), row.RequireString("LastHash"), row.GetTime("LastTime"));

    public static TableEntity FromBalance(string partition, BookBalance balance, string? version) =>
        new TableEntity(partition, LedgerKeys.Balance(balance.Currency.Code)).WithVersion(version)
            .Set("BookId", balance.BookId)
            .Set("Currency", balance.Currency.Code)
            .Set("Posted", balance.Posted)
            .Set("Pending", balance.Pending)
            .Set("Reserved", balance.Reserved);

    public static BookBalance ToBalance(TableEntity row) =>
        new(row.RequireString("BookId"), ToCurrency(row, row.RequireString("Currency")), row.RequireInt64("Posted"), row.RequireInt64("Pending"),
            row.RequireInt64("Reserved"));

    public static TableEntity FromReference(string partition, ReferenceRecord reference) =>
        new TableEntity(partition, LedgerKeys.Reference(reference.Reference)).WithVersion(reference.Version)
            .Set("Reference", reference.Reference)
            .Set("EntryId", reference.EntryId)
            .Set("Fingerprint", reference.Fingerprint);

    public static ReferenceRecord ToReference(TableEntity row) =>
        new(row.RequireString("Reference"), row.RequireString("EntryId"), row.RequireString("Fingerprint"), row.Version());

    public static Currency ToCurrency(TableEntity row, string code) =>
        Currency.TryGet(code, out var currency)
            ? currency
            : throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} has an unknown currency '{code}'");
}
