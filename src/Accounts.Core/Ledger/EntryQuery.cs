namespace Accounts.Core.Ledger;

/// <summary>
/// Entries of a book in time order, newest first unless <see cref="OldestFirst"/>. <see cref="From"/> is
/// inclusive, <see cref="To"/> exclusive. <see cref="Take"/> bounds how many are returned after <see cref="Skip"/>.
/// </summary>
public sealed record EntryQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Skip = 0,
    int Take = 100,
    bool OldestFirst = false);
