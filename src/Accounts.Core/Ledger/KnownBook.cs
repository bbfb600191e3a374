namespace Accounts.Core.Ledger;

/// <summary>
/// What is known of a book as of one head: <see cref="Snapshot"/> holds the head, the balances, every reference known
/// to be in the book (with its entry in <see cref="Entries"/>, by reference) and the group markers known to be there;
/// <see cref="Absent"/> the references known not to be. <see cref="Complete"/>: known since the book was empty, so
/// every reference it holds is in <see cref="Snapshot"/> and any other is absent.
/// </summary>
internal sealed record KnownBook(BookSnapshot Snapshot, IReadOnlyDictionary<string, LedgerEntry> Entries, IReadOnlySet<string> Absent,
    bool Complete = false)
{
    public bool Knows(string reference) => Complete || Snapshot.References.ContainsKey(reference) || Absent.Contains(reference);

    /// <summary>
    /// What a snapshot read from storage says, <paramref name="asked"/> being the references it was read for. A book
    /// with no head has had no commit, so it holds nothing at all.
    /// </summary>
    public static Task<KnownBook> FromAsync(BookSnapshot snapshot, IEnumerable<string> asked, ILedgerStore store) =>
        new KnownBook(snapshot with { References = new Dictionary<string, ReferenceRecord>(StringComparer.Ordinal) },
                new Dictionary<string, LedgerEntry>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal),
                Complete: snapshot.HeadVersion is null)
            .WithAsync(new BookFacts(snapshot.References, snapshot.Groups), asked, store);

    /// <summary>
    /// Adds <paramref name="facts"/>, read (or taken as given) for <paramref name="asked"/>: the references found, with
    /// their entries read from the book, and the rest of those asked known absent.
    /// </summary>
    public async Task<KnownBook> WithAsync(BookFacts facts, IEnumerable<string> asked, ILedgerStore store)
    {
        var bookId = Snapshot.BookId;
        var found = await Task.WhenAll(facts.References.Values.Select(async record =>
            (record, entry: await store.FindEntryAsync(bookId, record.EntryId, CancellationToken.None)
                ?? throw new InvalidOperationException($"Book {bookId}: reference {record.Reference} points at missing entry {record.EntryId}"))));

        var references = new Dictionary<string, ReferenceRecord>(Snapshot.References, StringComparer.Ordinal);
        var entries = new Dictionary<string, LedgerEntry>(Entries, StringComparer.Ordinal);
        foreach (var (record, entry) in found)
        {
            references[record.Reference] = record;
            entries[record.Reference] = entry;
        }

        // A complete view needs no list of what is absent: everything it does not hold is.
        var absent = Complete ? Absent : Absent.Concat(asked).Where(r => !references.ContainsKey(r)).ToHashSet(StringComparer.Ordinal);
        var groups = Snapshot.Groups.Union(facts.Groups, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return this with { Snapshot = Snapshot with { References = references, Groups = groups }, Entries = entries, Absent = absent };
    }

    /// <summary>
    /// This, or only its head and balances once it knows more than <see cref="BookViews.FactsPerBook"/> facts (then it is
    /// no longer complete: what it drops is read again when asked).
    /// </summary>
    public KnownBook Bounded() =>
        Snapshot.References.Count + Absent.Count + Snapshot.Groups.Count <= BookViews.FactsPerBook
            ? this
            : new KnownBook(Snapshot with { References = new Dictionary<string, ReferenceRecord>(), Groups = new HashSet<string>() },
                new Dictionary<string, LedgerEntry>(), new HashSet<string>());
}
