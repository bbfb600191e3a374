using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Core.Accounts;

/// <summary>
/// Closing an account seals it inside its book: a Closure entry (no money) under the account's seal reference, in
/// the same ETag-checked commit order as every deposit. A deposit committed before the seal is visible to the close
/// (and to its empty-book check); one after it sees the seal and is refused. Every close seals first, then marks the
/// account row CLOSED; sealing again is a no-op.
/// </summary>
public sealed class AccountSeal(LedgerService ledger)
{
    public static string Reference(string accountId) => $"acct:{accountId}:closed";

    /// <summary>Seals the account; with <paramref name="requireEmpty"/>, refuses (409) while its book holds money.</summary>
    public async Task SealAsync(Account account, bool requireEmpty, CancellationToken ct)
    {
        var result = await ledger.ApplyAsync(account.BookId, new SealIntent(account, requireEmpty), ct);
        if (result.Entry is null)
        {
            throw DomainException.Conflict(result.Reason ?? $"account {account.Id} cannot be closed");
        }
    }

    private sealed class SealIntent(Account account, bool requireEmpty) : ILedgerIntent
    {
        public IReadOnlyCollection<string> References { get; } = [Reference(account.Id)];

        public LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances)
        {
            if (known.TryGetValue(Reference(account.Id), out var sealedAlready))
            {
                return new LedgerDecision.Skip(null, sealedAlready);
            }

            var held = balances.Values.FirstOrDefault(b => b.Posted != 0 || b.Pending != 0 || b.Reserved != 0);
            if (requireEmpty && held is not null)
            {
                return new LedgerDecision.Skip($"account {account.Id} still holds {held.Currency.Code} " +
                    $"{Money.Money.Format(held.Posted, held.Currency)} (pending {Money.Money.Format(held.Pending, held.Currency)}); " +
                    "move the funds out before deleting it");
            }

            var currency = Money.Currency.Parse(account.Currency, "currency");
            return new LedgerDecision.Post(new Posting(Reference(account.Id), account.Id, EntryType.Closure, Direction.Debit,
                EntryStatus.Settled, Money.Money.Zero(currency), default, "Account closed"));
        }
    }
}
