using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;

namespace Accounts.Core.Global;

/// <summary>Balances and ledger history of a user's wallet book, which all their global accounts credit.</summary>
public sealed class WalletService(LedgerService ledger, AccountLifecycle lifecycle)
{
    /// <summary>
    /// One balance per currency the user holds or has an account in (zero until money arrives), by code: the wallet
    /// book's balances alone, since opening an account opens its currency's balance there (<see cref="GlobalProduct"/>).
    /// </summary>
    public async Task<IReadOnlyList<BookBalance>> BalancesAsync(string tenantId, string userId, CancellationToken ct) =>
        (await ledger.GetBalancesAsync(Books.OfWallet(tenantId, userId), ct)).OrderBy(b => b.Currency.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Transactions of one of the user's accounts, newest first, one line per deposit in its latest state. The
    /// window's entries are read whole because collapsing and the status filter must come before paging.
    /// </summary>
    public async Task<IReadOnlyList<Transaction>> TransactionsAsync(string tenantId, string userId, string accountId,
        EntryQuery query, CancellationToken ct)
    {
        var account = await lifecycle.GetAsync(tenantId, accountId, AccountKind.Global, userId, ct);
        var entries = await ledger.QueryEntriesAsync(account.BookId,
            query with { AccountId = account.Id, Status = null, Skip = 0, Take = int.MaxValue }, ct);
        return TransactionHistory.Of(entries)
            .Where(t => query.Status is null || t.Status == query.Status)
            .Skip(query.Skip)
            .Take(query.Take)
            .ToList();
    }

    /// <summary>Entries that changed the user's posted balances, newest first.</summary>
    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string tenantId, string userId, EntryQuery query, CancellationToken ct) =>
        ledger.QueryEntriesAsync(Books.OfWallet(tenantId, userId), query with { PostedChangesOnly = true }, ct);
}
