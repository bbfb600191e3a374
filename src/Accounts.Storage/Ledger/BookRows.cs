using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>Maps a book's head, balance and reference rows to and from table entities.</summary>
internal static class BookRows
{
    /// <summary>The head property holding every balance of the book (JSON), so one point read gives them all.</summary>
    private const string HeadBalances = "Balances";

    /// <summary>
    /// The head property saying every commit of the book wrote its group markers. A head is always replaced whole, so
    /// an older version's commit, which does not know the property, drops it.
    /// </summary>
    private const string HeadKeepsGroups = "KeepsGroups";

    /// <summary>The head at row <paramref name="rowKey"/> (see <see cref="BookHeads"/>), carrying <paramref name="balances"/>: all of the book's balances after the commit.</summary>
    public static TableEntity FromHead(string partition, string rowKey, BookHead head, IEnumerable<BookBalance> balances, bool keepsGroups)
    {
        var row = new TableEntity(partition, rowKey)
            .Set("Sequence", head.Sequence)
            .Set("LastHash", head.LastHash)
            .Set("LastTime", head.LastTime)
            .Set(HeadBalances, StoredJson.Write(balances.OrderBy(b => b.Currency.Code, StringComparer.Ordinal)
                .Select(b => new StoredBalance(b.Currency.Code, b.Posted, b.Pending, b.Reserved)).ToList()));
        if (keepsGroups)
        {
            row[HeadKeepsGroups] = true;
        }

        return row;
    }

    public static bool KeepsGroups(TableEntity head) => head.GetBoolean(HeadKeepsGroups) == true;

    /// <summary>A group's marker: its name, nothing else; only whether it exists matters.</summary>
    public static TableEntity FromGroup(string partition, string group) =>
        new TableEntity(partition, LedgerKeys.Group(group)).Set("Group", group);

    public static BookHead ToHead(TableEntity row) =>
        new(row.RequireInt64("Sequence"), row.RequireString("LastHash"), row.GetTime("LastTime"));

    /// <summary>
    /// The balances the head carries, or null for a head written before heads carried them: that book's balances are
    /// only in its balance rows.
    /// </summary>
    public static List<BookBalance>? HeadBalancesOf(TableEntity head, string bookId) =>
        head.GetStringOrNull(HeadBalances) is { } json
            ? (StoredJson.Read<List<StoredBalance>>(json) ?? throw new InvalidDataException($"Head of {head.PartitionKey} has null balances"))
                .Select(b => new BookBalance(bookId, ToCurrency(head, b.Currency), b.Posted, b.Pending, b.Reserved))
                .ToList()
            : null;

    public static TableEntity FromBalance(string partition, BookBalance balance) =>
        new TableEntity(partition, LedgerKeys.Balance(balance.Currency.Code))
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

    /// <summary>One balance in the head's JSON; amounts are whole minor units (JSON numbers, exact for Int64).</summary>
    private sealed record StoredBalance(string Currency, long Posted, long Pending, long Reserved);
}
