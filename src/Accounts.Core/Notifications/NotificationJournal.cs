using Accounts.Core.Ledger;

namespace Accounts.Core.Notifications;

/// <summary>
/// The ledger's <see cref="ICommitJournal"/> for notifications: before a commit whose entries may mean events for a
/// tenant with endpoints, it writes a due row naming the commit's entries; after the commit it hands them to the
/// dispatcher at once (so a deposit is notified within moments of being applied), which removes the row when the
/// events are made. If the process dies in between, the sweeper finds the row and makes them from the book.
/// </summary>
public sealed class NotificationJournal(INotificationStore store, EndpointDirectory endpoints, IBookDispatch dispatch,
    NotificationSettings settings, TimeProvider clock) : ICommitJournal
{
    public async Task<object?> BeforeCommitAsync(string bookId, IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0 || !entries.Any(LedgerEvents.MayNotify))
        {
            return null;
        }

        var tenantId = TenantOf(bookId);
        if (!await endpoints.HasEndpointsAsync(tenantId, ct))
        {
            return null;
        }

        var marker = new DueItem.BookCommit(tenantId, bookId, entries[0].Sequence, entries[^1].Sequence, entries[0].CreatedAt,
            entries[^1].CreatedAt, Guid.NewGuid().ToString("N"), clock.GetUtcNow() + settings.Grace);
        return await store.PutDueAsync(marker, ct);
    }

    public void Committed(string bookId, IReadOnlyList<LedgerEntry> entries, object? token)
    {
        if (token is DueItem.BookCommit marker)
        {
            dispatch.Post(marker, entries);
        }
    }

    public void Abandoned(string bookId, object? token)
    {
        if (token is DueItem.BookCommit marker)
        {
            dispatch.Post(marker, entries: []);
        }
    }

    /// <summary>Book ids start with the tenant id, which never holds '|' (see <see cref="Accounts.Books"/>).</summary>
    public static string TenantOf(string bookId) => bookId[..bookId.IndexOf('|', StringComparison.Ordinal)];
}

/// <summary>Runs dispatches in the background, off the path of the change (a commit, an account write).</summary>
public interface IBookDispatch
{
    /// <summary><paramref name="entries"/> empty: the commit did not land, only the row is removed.</summary>
    void Post(DueItem.BookCommit marker, IReadOnlyList<LedgerEntry> entries);

    void Post(DueItem.AccountChange change);
}
