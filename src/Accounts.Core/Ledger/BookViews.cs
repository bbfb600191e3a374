using Accounts.Core.Caching;

namespace Accounts.Core.Ledger;

/// <summary>
/// How the ledger sees a book for one commit attempt, and what this instance remembers of each book between commits:
/// its head, balances, and the references and group markers it saw, or knows absent, as of that head.
/// <para>
/// Nothing remembered or assumed is trusted on its own. A commit built on it checks the head's version, so if anything
/// was committed meanwhile (by another instance) nothing is written and the batch is decided again on what is read;
/// a batch decided on it that changes nothing has no commit to confirm it, so it is decided again on what is read too.
/// References stay in a book forever, so a reference once seen is still there; one seen absent is absent as long as
/// the head is the one it was seen at, which the commit checks.
/// </para>
/// </summary>
internal sealed class BookViews(ILedgerStore store, TimeProvider clock)
{
    /// <summary>Books remembered, at most; when full the memory starts over, which costs a read per book.</summary>
    public const int Capacity = 5_000;

    /// <summary>
    /// References and group markers remembered per book, at most; past that only its head is kept. A deposit adds five
    /// (its step with its entry, three steps absent, its marker), so a book keeps about a dozen entries, some 10 KiB:
    /// tens of MiB when every book remembered is that busy.
    /// </summary>
    public const int FactsPerBook = 64;

    private readonly RecentValues<string, KnownBook> _known = new(Timeout.InfiniteTimeSpan, Capacity, clock);

    /// <summary>
    /// The view of <paramref name="bookId"/> for deciding <paramref name="intents"/>. On a first attempt it may rest on
    /// what is remembered and on groups without markers having none of their references; a later attempt reads
    /// everything from storage.
    /// </summary>
    public async Task<BookView> ViewAsync(string bookId, IReadOnlyList<ILedgerIntent> intents, bool firstAttempt)
    {
        var wanted = new Wanted(intents);
        if (firstAttempt && _known.TryGet(bookId, out var known))
        {
            return await FromMemoryAsync(known, wanted);
        }

        return await FromStorageAsync(bookId, wanted, optimistic: firstAttempt);
    }

    /// <summary>The view's commit was written: what it knew, moved on by the commit, is what the book now holds.</summary>
    public void Committed(BookView view, BookCommit commit, CommitReceipt receipt)
    {
        var before = view.Known;
        if (receipt.HeadVersion is null)
        {
            _known.Forget(before.Snapshot.BookId);
            return;
        }

        var balances = new Dictionary<string, BookBalance>(before.Snapshot.Balances, StringComparer.Ordinal);
        foreach (var balance in commit.Balances)
        {
            balances[balance.Currency.Code] = balance;
        }

        var entries = commit.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var references = new Dictionary<string, ReferenceRecord>(before.Snapshot.References, StringComparer.Ordinal);
        var referenced = new Dictionary<string, LedgerEntry>(before.Entries, StringComparer.Ordinal);
        foreach (var reference in commit.References)
        {
            references[reference.Reference] = reference;
            referenced[reference.Reference] = entries[reference.EntryId];
        }

        var snapshot = before.Snapshot with
        {
            Head = commit.Head,
            HeadVersion = receipt.HeadVersion,
            Balances = balances,
            References = references,
            KeepsGroups = commit.KeepsGroups,
            Groups = before.Snapshot.Groups.Union(commit.Groups, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        };
        var absent = before.Absent.Where(r => !references.ContainsKey(r)).ToHashSet(StringComparer.Ordinal);
        _known.Remember(snapshot.BookId, (before with { Snapshot = snapshot, Entries = referenced, Absent = absent }).Bounded());
    }

    /// <summary>A view read from storage whose batch changed nothing: what it read is remembered.</summary>
    public void Read(BookView view)
    {
        if (!view.Assumed)
        {
            _known.Remember(view.Known.Snapshot.BookId, view.Known.Bounded());
        }
    }

    public void Forget(string bookId) => _known.Forget(bookId);

    private async Task<BookView> FromMemoryAsync(KnownBook known, Wanted wanted)
    {
        var assumedAbsent = known.Snapshot.CommitKeepsGroups ? wanted.MembersOfGroupsWithout(known.Snapshot.Groups) : new HashSet<string>();
        var unknown = wanted.References.Where(r => !known.Knows(r) && !assumedAbsent.Contains(r)).ToList();
        var facts = unknown.Count == 0
            ? new BookFacts(new Dictionary<string, ReferenceRecord>(), new HashSet<string>())
            : await store.ReadFactsAsync(known.Snapshot.BookId, unknown, [], CancellationToken.None);
        var merged = await known.WithAsync(facts, unknown.Concat(assumedAbsent), store);
        return new BookView(merged, wanted, Assumed: true, NewGroups(merged.Snapshot, wanted));
    }

    private async Task<BookView> FromStorageAsync(string bookId, Wanted wanted, bool optimistic)
    {
        if (optimistic)
        {
            // The head says whether the book keeps group markers; only then may the groups' members go unread.
            var others = wanted.References.Where(r => !wanted.Members.Contains(r)).ToList();
            var head = await store.ReadAsync(bookId, others, CancellationToken.None);
            var start = await KnownBook.FromAsync(head, others, store);
            if (head.CommitKeepsGroups)
            {
                var assumed = await start.WithAsync(Nothing, wanted.Members, store);
                return new BookView(assumed, wanted, Assumed: head.HeadVersion is not null, wanted.GroupNames);
            }

            var members = wanted.Members.ToList();
            var read = await start.WithAsync(await store.ReadFactsAsync(bookId, members, [], CancellationToken.None), members, store);
            return new BookView(read, wanted, Assumed: false, []);
        }

        var snapshotTask = store.ReadAsync(bookId, wanted.References, CancellationToken.None);
        var markersTask = store.ReadFactsAsync(bookId, [], wanted.GroupNames, CancellationToken.None);
        var snapshot = (await snapshotTask) with { Groups = (await markersTask).Groups };
        var known = await KnownBook.FromAsync(snapshot, wanted.References, store);
        return new BookView(known, wanted, Assumed: false, NewGroups(snapshot, wanted));
    }

    private static readonly BookFacts Nothing = new(new Dictionary<string, ReferenceRecord>(), new HashSet<string>());

    // Markers to insert: in a book that keeps them, those of the batch's groups not known to be there.
    private static IReadOnlyList<string> NewGroups(BookSnapshot snapshot, Wanted wanted) =>
        snapshot.CommitKeepsGroups ? wanted.GroupNames.Where(g => !snapshot.Groups.Contains(g)).ToList() : [];

    /// <summary>The references and groups a batch of intents asks about.</summary>
    internal sealed class Wanted(IReadOnlyList<ILedgerIntent> intents)
    {
        private readonly List<ReferenceGroup> _groups = intents.Select(i => i.Group).OfType<ReferenceGroup>().ToList();

        public IReadOnlyList<string> References { get; } = intents.SelectMany(i => i.References).Distinct(StringComparer.Ordinal).ToList();

        public IReadOnlyList<string> GroupNames => _groups.Select(g => g.Name).Distinct(StringComparer.Ordinal).ToList();

        public IReadOnlySet<string> Members => MembersOfGroupsWithout(new HashSet<string>());

        public IReadOnlySet<string> MembersOfGroupsWithout(IReadOnlySet<string> markers) =>
            _groups.Where(g => !markers.Contains(g.Name)).SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// A book's view for one attempt. <see cref="Assumed"/>: it rests on memory or on groups without markers, which only a
/// written commit confirms. <see cref="NewGroups"/> are the markers the commit inserts.
/// </summary>
internal sealed record BookView(KnownBook Known, BookViews.Wanted Wanted, bool Assumed, IReadOnlyList<string> NewGroups)
{
    /// <summary>The snapshot the batch is decided on: the head, balances and the batch's references that are in the book.</summary>
    public BookSnapshot Snapshot => Known.Snapshot with
    {
        References = Wanted.References.Where(Known.Snapshot.References.ContainsKey)
            .ToDictionary(r => r, r => Known.Snapshot.References[r], StringComparer.Ordinal),
    };

    /// <summary>The entries of <see cref="Snapshot"/>'s references, by entry id.</summary>
    public IReadOnlyDictionary<string, LedgerEntry> Earlier => Snapshot.References.Keys
        .Select(r => Known.Entries[r]).DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal);
}
