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
    /// what is remembered (taking a group this instance knows no marker of to have none of its references); a later
    /// attempt reads everything from storage.
    /// </summary>
    public async Task<BookView> ViewAsync(string bookId, IReadOnlyList<ILedgerIntent> intents, bool firstAttempt)
    {
        var wanted = new Wanted(intents);
        if (firstAttempt && _known.TryGet(bookId, out var known))
        {
            return await FromMemoryAsync(known, wanted);
        }

        return await FromStorageAsync(bookId, wanted, firstAttempt);
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
        var facts = unknown.Count == 0 ? Nothing : await store.ReadFactsAsync(known.Snapshot.BookId, unknown, [], CancellationToken.None);
        var merged = await known.WithAsync(facts, unknown.Concat(assumedAbsent), store);
        return new BookView(merged, wanted, Assumed: true, NewGroups(merged.Snapshot, wanted));
    }

    private async Task<BookView> FromStorageAsync(string bookId, Wanted wanted, bool firstAttempt)
    {
        // The group markers are read with the head. On a first attempt, in a book that keeps markers, the steps of a
        // group without one are known absent and not read, and the others' steps are read once the head has said so;
        // a later attempt reads everything at once.
        var members = wanted.Members;
        var others = firstAttempt ? wanted.References.Where(r => !members.Contains(r)).ToList() : wanted.References;
        var snapshotTask = store.ReadAsync(bookId, others, CancellationToken.None);
        var markersTask = store.ReadFactsAsync(bookId, [], wanted.GroupNames, CancellationToken.None);
        var snapshot = (await snapshotTask) with { Groups = (await markersTask).Groups };
        var known = await KnownBook.FromAsync(snapshot, others, store);
        if (firstAttempt && members.Count > 0)
        {
            var unmarked = snapshot.CommitKeepsGroups ? wanted.MembersOfGroupsWithout(snapshot.Groups) : new HashSet<string>();
            var marked = members.Where(m => !unmarked.Contains(m)).ToList();
            var facts = marked.Count == 0 ? Nothing : await store.ReadFactsAsync(bookId, marked, [], CancellationToken.None);
            known = await known.WithAsync(facts, members, store);
        }

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

        public IReadOnlyList<string> GroupNames { get; } = intents.Select(i => i.Group?.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

        public IReadOnlySet<string> Members { get; } = intents.Select(i => i.Group).OfType<ReferenceGroup>().SelectMany(g => g.Members)
            .ToHashSet(StringComparer.Ordinal);

        public IReadOnlySet<string> MembersOfGroupsWithout(IReadOnlySet<string> markers) =>
            _groups.Where(g => !markers.Contains(g.Name)).SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
    }
}
