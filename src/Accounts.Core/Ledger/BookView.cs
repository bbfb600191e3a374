namespace Accounts.Core.Ledger;

/// <summary>
/// A book's view for one attempt. <see cref="Assumed"/>: it rests on what this instance remembers, which only a
/// written commit confirms. <see cref="NewGroups"/> are the markers the commit inserts.
/// </summary>
internal sealed record BookView(KnownBook Known, BookViews.Wanted Wanted, bool Assumed, IReadOnlyList<string> NewGroups)
{
    /// <summary>The snapshot the batch is decided on: the head, balances and the batch's references that are in the book.</summary>
    public BookSnapshot Snapshot { get; } = Known.Snapshot with
    {
        References = Wanted.References.Where(Known.Snapshot.References.ContainsKey)
            .ToDictionary(r => r, r => Known.Snapshot.References[r], StringComparer.Ordinal),
    };

    /// <summary>The entries of <see cref="Snapshot"/>'s references, by entry id.</summary>
    public IReadOnlyDictionary<string, LedgerEntry> Earlier => Snapshot.References.Keys
        .Select(r => Known.Entries[r]).DistinctBy(e => e.Id).ToDictionary(e => e.Id, StringComparer.Ordinal);
}
