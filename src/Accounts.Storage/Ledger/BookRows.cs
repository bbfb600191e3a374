using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Ledger;

/// <summary>Maps a book's head, balance and reference rows to and from table entities.</summary>
internal static class BookRows
{
    public static DynamicTableEntity FromHead(string partition, BookHead head, string? version) =>
        new DynamicTableEntity(partition, LedgerKeys.Head) { ETag = version }
            .Set("Sequence", head.Sequence)
            .Set("LastHash", head.LastHash)
            .Set("LastTime", head.LastTime);

    public static BookHead ToHead(DynamicTableEntity row) =>
        new(row.GetInt64("Sequence"), row.GetString("LastHash"), row.GetTime("LastTime"));

    public static DynamicTableEntity FromBalance(string partition, BookBalance balance, string? version) =>
        new DynamicTableEntity(partition, LedgerKeys.Balance(balance.Currency.Code)) { ETag = version }
            .Set("BookId", balance.BookId)
            .Set("Currency", balance.Currency.Code)
            .Set("Posted", balance.Posted)
            .Set("Pending", balance.Pending)
            .Set("Reserved", balance.Reserved);

    public static BookBalance ToBalance(DynamicTableEntity row) =>
        new(row.GetString("BookId"), ToCurrency(row, row.GetString("Currency")), row.GetInt64("Posted"), row.GetInt64("Pending"),
            row.GetInt64("Reserved"));

    public static DynamicTableEntity FromReference(string partition, ReferenceRecord reference) =>
        new DynamicTableEntity(partition, LedgerKeys.Reference(reference.Reference)) { ETag = reference.Version }
            .Set("Reference", reference.Reference)
            .Set("EntryId", reference.EntryId)
            .Set("Fingerprint", reference.Fingerprint);

    public static ReferenceRecord ToReference(DynamicTableEntity row) =>
        new(row.GetString("Reference"), row.GetString("EntryId"), row.GetString("Fingerprint"), row.ETag);

    public static Currency ToCurrency(DynamicTableEntity row, string code) =>
        Currency.TryGet(code, out var currency)
            ? currency
            : throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} has an unknown currency '{code}'");
}
