using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Core.Kyc;

/// <summary>
/// Transactions of entity accounts: the entries of the account's book, oldest first, each verified against the book's
/// hash chain. A page is read by sequence and verified from the checkpoint before it (<see cref="TransactionPager"/>),
/// so its cost follows the page, not the book. Where the book's sequence index does not cover a page (a book written
/// before the index), the whole book is read and verified from the first entry as before, and the verified part of
/// it is then indexed (backfilled) so the next read of it is by sequence.
/// </summary>
public sealed class EntityTransactionService(ILedgerStore ledger, IBookSequence index, EntityProduct accounts)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private readonly TransactionPager _pager = new(index);

    /// <summary>
    /// Up to <paramref name="limit"/> transactions from sequence <paramref name="from"/> (1 for the first page; a
    /// page's <see cref="AccountTransactions.Next"/> for the following one). A page looks at no more than twice
    /// <paramref name="limit"/> entries, so it can hold fewer lines (superseded pending entries are not lines) while
    /// more follow. A <paramref name="from"/> outside the book is a validation error naming <paramref name="fromField"/>.
    /// </summary>
    public async Task<AccountTransactions> ListAsync(string tenantId, string accountId, long from, int limit, string fromField, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var (account, entity) = await accounts.GetOwnedAsync(tenantId, accountId, ct);

        // Head first: entries committed after this read are left to the next page (or, reading the whole book, only re-hashed).
        var book = await index.AtHeadAsync(account.BookId, ct);
        var head = book.Head;
        if (from < 1 || from > head.Sequence + 1)
        {
            throw DomainException.Invalid(fromField, $"{fromField} does not point into this account's transactions");
        }

        var page = await _pager.ReadAsync(account, book, from, limit, from - 1 + 2L * limit, ct)
            ?? await ReadWholeBookAsync(account, head, from, limit, ct);
        return new AccountTransactions(account, entity, page.Transactions, page.Next);
    }

    /// <summary>One transaction; another tenant's, a malformed-but-plausible or an unknown id are all simply not found.</summary>
    public async Task<(Account Account, Entity Entity, EntityTransaction Transaction)> GetAsync(string tenantId, string txId, CancellationToken ct)
    {
        var (accountId, entryId) = TransactionId.Parse(txId, "tx_id");
        var notFound = DomainException.NotFound($"transaction {txId.Trim()} was not found");
        Account account;
        Entity entity;
        try
        {
            (account, entity) = await accounts.GetOwnedAsync(tenantId, accountId, ct);
        }
        catch (DomainException ex) when (ex.Kind == ErrorKind.NotFound)
        {
            // Same answer as an unknown entry, so nobody learns whether the account exists.
            throw notFound;
        }

        // The entry first and the head after it, so the head covers the entry.
        var found = await ledger.FindEntryAsync(account.BookId, entryId, ct);
        if (found is null || found.AccountId != account.Id)
        {
            throw notFound;
        }

        var book = await index.AtHeadAsync(account.BookId, ct);
        var head = book.Head;
        var page = found.Sequence >= 1 && found.Sequence <= head.Sequence
            ? await _pager.ReadAsync(account, book, found.Sequence, 1, found.Sequence, ct)
            : null;

        // The index places another entry at that sequence only if a row was edited: then judge it as the whole book does.
        var transaction = page is not null && page.Transactions.All(t => t.Entry.Id == entryId)
            ? page.Transactions.SingleOrDefault()
            : (await ReadWholeBookAsync(account, head, 1, int.MaxValue, ct)).Transactions.FirstOrDefault(t => t.Entry.Id == entryId);
        return (account, entity, transaction ?? throw notFound);
    }

    private async Task<TransactionPage> ReadWholeBookAsync(Account account, BookHead head, long from, int limit, CancellationToken ct)
    {
        var entries = await ledger.QueryEntriesAsync(account.BookId, new EntryQuery(Take: int.MaxValue, OldestFirst: true), ct);
        var verified = TransactionBook.FirstUnverified(entries, head);
        if (verified > 0)
        {
            await index.BackfillAsync(account.BookId, entries.Take(verified).ToList(), ct);
        }

        var lines = TransactionBook.Build(entries, head).Where(t => t.Entry.AccountId == account.Id && t.Entry.Sequence >= from).ToList();
        return lines.Count > limit
            ? new TransactionPage(lines.Take(limit).ToList(), lines[limit - 1].Entry.Sequence + 1)
            : new TransactionPage(lines, null);
    }
}

/// <summary>A page of an account's transactions; <see cref="Next"/> is where the next page starts, null after the last.</summary>
public sealed record AccountTransactions(Account Account, Entity Entity, IReadOnlyList<EntityTransaction> Transactions, long? Next);
