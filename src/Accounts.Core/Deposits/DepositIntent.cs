using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using static Accounts.Core.Deposits.DepositReferences;

namespace Accounts.Core.Deposits;

/// <summary>
/// Applies one deposit event to the account's book according to the lifecycle, deciding on the entries the
/// reference already has: pending adds to pending; settled moves a pending amount to posted (or credits directly);
/// rejected releases a pending amount; reversed debits a settled amount with a REVERSAL entry pointing at it.
/// Events may come twice or out of order: a repeated event replays its own entry (every posting is determined by
/// the book's state, so a replay matches); a late pending after settlement changes nothing; a reversal that arrives
/// before its settlement leaves a marker that stops the settlement from being credited later.
/// A credit the account refuses (<paramref name="refusal"/>, or the account's seal in the book once it is closed) is
/// booked as a Failed entry that moves no money and releases any pending amount, so the refusal is final and visible.
/// </summary>
internal sealed class DepositIntent(DepositEvent deposit, string accountId, string? refusal) : ILedgerIntent
{
    private readonly string _reference = deposit.Reference;

    public IReadOnlyCollection<string> References => [.. All(_reference), AccountSeal.Reference(accountId)];

    /// <summary>The reference's steps: only ever posted by this reference's events.</summary>
    public ReferenceGroup Group => new(DepositReferences.Group(_reference), All(_reference));

    public LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances)
    {
        // Sealed inside the book, so a close and a deposit can never both pass on stale views of each other.
        var refused = known.ContainsKey(AccountSeal.Reference(accountId)) ? "account is closed" : refusal;
        var pending = known.GetValueOrDefault(Pending(_reference));
        var settled = known.GetValueOrDefault(Settled(_reference));
        var rejected = known.GetValueOrDefault(Rejected(_reference));
        var reversed = known.GetValueOrDefault(Reversed(_reference));
        var held = pending is { Status: EntryStatus.Pending } ? pending : null;
        return deposit.Type switch
        {
            DepositEventType.Pending when pending is not null => Replay(pending),
            DepositEventType.Pending when settled is not null || rejected is not null || reversed is not null =>
                Skip("the deposit has already moved on (settled, rejected or reversed); a late pending changes nothing"),
            DepositEventType.Pending when refused is not null => Refuse(Pending(_reference), null, refused),
            DepositEventType.Pending => Credit(Pending(_reference), EntryStatus.Pending, null, balances),
            DepositEventType.Settled when settled is not null => Replay(settled),
            DepositEventType.Settled when rejected is not null => Skip("the deposit was rejected; a later settlement is not applied"),
            DepositEventType.Settled when refused is not null => Refuse(Settled(_reference), held, refused),
            DepositEventType.Settled when reversed is not null =>
                Fail(Settled(_reference), held, "the deposit was reversed before it settled: not credited"),
            DepositEventType.Settled when held is not null && held.Currency != deposit.Amount.Currency =>
                Fail(Settled(_reference), null, $"settlement in {deposit.Amount.Currency.Code} does not match the pending deposit in {held.Currency.Code}; refund due"),
            DepositEventType.Settled => Credit(Settled(_reference), EntryStatus.Settled, held, balances),
            DepositEventType.Rejected when rejected is not null => Replay(rejected),
            DepositEventType.Rejected when settled is not null => Skip("the deposit is already settled; a rejection changes nothing"),
            DepositEventType.Rejected => Post(Rejected(_reference), EntryType.Deposit, Direction.Credit, EntryStatus.Failed,
                held?.Amount ?? deposit.Amount, new BalanceDelta(0, -(held?.Amount.Minor ?? 0), 0)),
            DepositEventType.Reversed when reversed is not null => Replay(reversed),
            DepositEventType.Reversed when settled is null || settled.Status != EntryStatus.Settled => Post(Reversed(_reference),
                EntryType.Reversal, Direction.Debit, EntryStatus.Failed, deposit.Amount, default,
                $"Reversal of {_reference} before any settlement: recorded, not applied"),
            DepositEventType.Reversed when deposit.Amount != settled.Amount => Post(Reversed(_reference), EntryType.Reversal,
                Direction.Debit, EntryStatus.Failed, deposit.Amount, default,
                $"Reversal of {deposit.Amount} {deposit.Amount.Currency.Code} does not match the settled {settled.Amount} {settled.Currency.Code}: not applied, needs an operator"),
            DepositEventType.Reversed => Post(Reversed(_reference), EntryType.Reversal, Direction.Debit, EntryStatus.Settled,
                settled.Amount, BalanceDelta.SettledDebit(settled.Amount.Minor), $"Reversal of {settled.Description}", settled.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(deposit), deposit.Type, "unknown deposit event"),
        };
    }

    /// <summary>
    /// Credits the deposit (pending, or settled releasing <paramref name="held"/>), unless the balance would pass what
    /// the ledger can hold: then it is refused like any other credit the account cannot take, decided on this
    /// commit's own balances, so racing deposits can never together pass the limit.
    /// </summary>
    private LedgerDecision Credit(string reference, EntryStatus status, LedgerEntry? held,
        IReadOnlyDictionary<string, BookBalance> balances)
    {
        var minor = deposit.Amount.Minor;
        var delta = status == EntryStatus.Pending ? BalanceDelta.PendingCredit(minor) : new BalanceDelta(minor, -(held?.Amount.Minor ?? 0), 0);
        var currency = deposit.Amount.Currency;
        return LedgerLimits.WouldPass(balances.GetValueOrDefault(currency.Code), delta)
            ? Refuse(reference, held, $"the balance limit was reached (a {currency.Code} balance holds at most " +
                $"{Money.Money.Format(LedgerLimits.MaxBalanceMinor, currency)})")
            : Post(reference, EntryType.Deposit, Direction.Credit, status, deposit.Amount, delta);
    }

    private LedgerDecision Refuse(string reference, LedgerEntry? held, string reason) =>
        Fail(reference, held, $"Refused deposit {_reference}: {reason}; refund due");

    /// <summary>
    /// A Failed entry: no posted money, and the pending amount (if any) released. The entry is in the event's currency
    /// and moves only that balance, so a pending amount in another currency is not released by it.
    /// </summary>
    private LedgerDecision Fail(string reference, LedgerEntry? held, string description) =>
        Post(reference, EntryType.Deposit, Direction.Credit, EntryStatus.Failed, deposit.Amount,
            new BalanceDelta(0, held?.Currency == deposit.Amount.Currency ? -held.Amount.Minor : 0, 0), description);

    private LedgerDecision.Post Post(string reference, EntryType type, Direction direction, EntryStatus status,
        Money.Money amount, BalanceDelta delta, string? description = null, string? parent = null) =>
        new(new Posting(reference, accountId, type, direction, status, amount, delta, description ?? Description,
            ParentEntryId: parent, Counterparty: deposit.Sender?.Name));

    private string Description => deposit.Narration is { Length: > 0 } narration
        ? narration
        : $"Deposit {deposit.Reference}" + (deposit.Sender?.Name is { Length: > 0 } name ? $" from {name}" : string.Empty);

    /// <summary>This event's step is already in the book: the event's outcome is that entry.</summary>
    private static LedgerDecision.Skip Replay(LedgerEntry existing) => new(Reason: null, existing);

    private static LedgerDecision.Skip Skip(string reason) => new(reason);
}
