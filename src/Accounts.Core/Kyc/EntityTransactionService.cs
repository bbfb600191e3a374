using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Core.Kyc;

/// <summary>
/// Transactions of entity accounts: the entries of the account's book, each verified against the book's hash chain.
/// Verification needs the chain from the first entry, so every read walks the whole book.
/// </summary>
public sealed class EntityTransactionService(ILedgerStore ledger, EntityProduct accounts)
{
    /// <summary>The account's transactions, oldest first.</summary>
    public async Task<AccountTransactions> ListAsync(string tenantId, string accountId, CancellationToken ct)
    {
        var (account, entity) = await accounts.GetOwnedAsync(tenantId, accountId, ct);
        return new AccountTransactions(account, entity, await ReadBookAsync(account, ct));
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

        var transaction = (await ReadBookAsync(account, ct)).FirstOrDefault(t => t.Entry.Id == entryId) ?? throw notFound;
        return (account, entity, transaction);
    }

    private async Task<IReadOnlyList<EntityTransaction>> ReadBookAsync(Account account, CancellationToken ct)
    {
        // Head first: entries committed after this read are newer than the head and only re-hashed.
        var head = (await ledger.ReadAsync(account.BookId, [], ct)).Head;
        var entries = await ledger.QueryEntriesAsync(account.BookId, new EntryQuery(Take: int.MaxValue, OldestFirst: true), ct);
        return TransactionBook.Build(entries, head).Where(t => t.Entry.AccountId == account.Id).ToList();
    }
}

public sealed record AccountTransactions(Account Account, Entity Entity, IReadOnlyList<EntityTransaction> Transactions);
