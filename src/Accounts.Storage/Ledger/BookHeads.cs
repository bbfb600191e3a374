using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Ledger;

/// <summary>
/// Where a book's head is, and how a commit writes it.
/// <para>
/// A book's head was the row "head", a row key every book shares. With <see cref="HeadRows.Keyed"/> a book's head is
/// the row "head|{partition}" (<see cref="LedgerKeys.KeyedHead"/>), and "head" stays behind as a marker naming it. A
/// book's head is "head" unless that row is a marker, and then the keyed row: every instance agrees on that whatever its
/// setting, and every commit re-checks the head it read (written at its ETag, or inserted). A keyed commit on a book
/// whose head is "head" moves it in its one transaction: it inserts the keyed head and replaces "head" by the marker
/// with the ETag it read; a book's first keyed commit inserts both. So two commits built on one snapshot never both
/// succeed, whichever instances make them, and a version that knows nothing of keyed heads fails on the marker (it has
/// no Sequence) instead of committing beside it.
/// </para>
/// The ledger's version of a book (<see cref="Core.Ledger.BookSnapshot.HeadVersion"/>) is the head's ETag, prefixed
/// when the head is keyed so the commit knows which row to re-check.
/// </summary>
internal static class BookHeads
{
    private const string MovedTo = "MovedTo";
    private const string KeyedVersionPrefix = "keyed:";

    /// <summary>
    /// The head of the book in <paramref name="partition"/>, or null for a book with no commits. Where most heads are
    /// (as <paramref name="heads"/> says) is read first, so a book costs one point read once its head is there.
    /// </summary>
    public static async Task<TableEntity?> ReadAsync(StorageTable table, string partition, HeadRows heads, CancellationToken ct)
    {
        if (heads != HeadRows.Shared)
        {
            var keyed = await table.GetAsync(partition, LedgerKeys.KeyedHead(partition), ct);
            if (keyed is not null || heads == HeadRows.KeyedOnly)
            {
                return keyed;
            }
        }

        var head = await table.GetAsync(partition, LedgerKeys.Head, ct);
        if (head is null || head.GetStringOrNull(MovedTo) is null)
        {
            return head;
        }

        // Moved (meanwhile, if the keyed row was looked for first): the move inserted the keyed head in the same transaction.
        return await table.GetAsync(partition, LedgerKeys.KeyedHead(partition), ct)
            ?? throw new InvalidDataException($"The head of {partition} moved to its keyed row, which is missing");
    }

    /// <summary>The ledger's version of a book whose head is <paramref name="head"/>.</summary>
    public static string Version(TableEntity head) => VersionOf(head.RowKey, head.Version());

    /// <summary>The version of a book whose head row <paramref name="rowKey"/> was written with <paramref name="etag"/>.</summary>
    public static string VersionOf(string rowKey, string etag) =>
        rowKey.StartsWith(LedgerKeys.KeyedHeadPrefix, StringComparison.Ordinal) ? KeyedVersionPrefix + etag : etag;

    /// <summary>The ETag of the keyed head a version names, or null for a version of a shared head (or none).</summary>
    public static string? KeyedETag(string? version) =>
        version is not null && version.StartsWith(KeyedVersionPrefix, StringComparison.Ordinal) ? version[KeyedVersionPrefix.Length..] : null;

    /// <summary>
    /// The writes of a commit's head (<paramref name="headAt"/>: the head row at a given row key) on a book at
    /// <paramref name="version"/>, the head's own first: a write at that version of the row it names (a keyed head is
    /// merged, the shared one replaced), or a move or first commit as described above.
    /// </summary>
    public static List<TableTransactionAction> Writes(string partition, Func<string, TableEntity> headAt, string? version, HeadRows heads)
    {
        if (KeyedETag(version) is { } etag)
        {
            // A merge, so the index slots the head carries for its block stay (see SequenceIndex); every other property
            // is written by every commit (KeepsGroups once true, and a book that keeps group markers always does). On
            // Azurite a merge also costs less than a replace, which removes the row and inserts it again.
            return [Conditional(TableTransactionActionType.UpdateMerge, headAt(LedgerKeys.KeyedHead(partition)), etag)];
        }

        if (heads == HeadRows.Shared)
        {
            var head = headAt(LedgerKeys.Head);
            return [version is null ? Insert(head) : Replace(head, version)];
        }

        var marker = new TableEntity(partition, LedgerKeys.Head).Set(MovedTo, LedgerKeys.KeyedHead(partition));
        return [Insert(headAt(LedgerKeys.KeyedHead(partition))), version is null ? Insert(marker) : Replace(marker, version)];
    }

    private static TableTransactionAction Insert(TableEntity row) => new(TableTransactionActionType.Add, row);

    private static TableTransactionAction Replace(TableEntity row, string etag) => Conditional(TableTransactionActionType.UpdateReplace, row, etag);

    private static TableTransactionAction Conditional(TableTransactionActionType kind, TableEntity row, string etag) =>
        new(kind, row.WithVersion(etag), row.ETag);
}
