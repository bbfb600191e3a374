namespace Accounts.Core.Ledger;

/// <summary>
/// Told about every book commit that adds entries, so what must follow a commit (a notification) is never lost: the
/// journal records durably that the commit may land before it is written, and hears when it did. A crash between the
/// two leaves the record, and whoever reads it later finds the committed entries in the book.
/// </summary>
public interface ICommitJournal
{
    /// <summary>
    /// Before the commit is written. Throwing fails the commit (nothing is written). Returns a token handed back to
    /// <see cref="Committed"/> or <see cref="Abandoned"/>, or null when nothing was recorded.
    /// </summary>
    Task<object?> BeforeCommitAsync(string bookId, IReadOnlyList<LedgerEntry> entries, CancellationToken ct);

    /// <summary>The commit was written. Must not block: the commit's callers are waiting.</summary>
    void Committed(string bookId, IReadOnlyList<LedgerEntry> entries, object? token);

    /// <summary>The commit was not written (it lost a race and is rebuilt). Must not block.</summary>
    void Abandoned(string bookId, object? token);
}
