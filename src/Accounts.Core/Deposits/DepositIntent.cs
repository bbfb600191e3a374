using Accounts.Core.Ledger;
using static Accounts.Core.Deposits.DepositReferences;

namespace Accounts.Core.Deposits;

/// <summary>
/// Applies one deposit event to the account's book according to the lifecycle, deciding on the entries the
/// reference already has: pending adds to pending; settled moves a pending amount to posted (or credits directly);
/// rejected releases a pending amount; reversed debits a settled amount with a REVERSAL entry pointing at it.
/// Events may come twice or out of order: a repeated event replays its own entry; a late pending after settlement,
/// a rejection after settlement and a reversal of an unsettled deposit change nothing.
/// </summary>
internal sealed class DepositIntent(DepositEvent deposit, string accountId) : ILedgerIntent
{
    private readonly string _reference = deposit.Reference;

    public IReadOnlyCollection<string> References => All(_reference);

    public LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known)
    {
        var pending = known.GetValueOrDefault(Pending(_reference));
        var settled = known.GetValueOrDefault(Settled(_reference));
        var rejected = known.GetValueOrDefault(Rejected(_reference));
        return deposit.Type switch
        {
            DepositEventType.Pending when settled is not null => Skip("the deposit is already settled; a late pending changes nothing"),
            DepositEventType.Pending when rejected is not null => Skip("the deposit was rejected; a late pending changes nothing"),
            DepositEventType.Pending => Post(Pending(_reference), EntryType.Deposit, Direction.Credit, EntryStatus.Pending,
                deposit.Amount, BalanceDelta.PendingCredit(deposit.Amount.Minor)),
            DepositEventType.Settled when rejected is not null => Skip("the deposit was rejected; a later settlement is not applied"),
            DepositEventType.Settled => Settle(pending),
            DepositEventType.Rejected when settled is not null => Skip("the deposit is already settled; a rejection changes nothing"),
            DepositEventType.Rejected => Reject(pending),
            DepositEventType.Reversed when settled is null => Skip("reversal of an unknown or unsettled deposit: recorded, not applied"),
            DepositEventType.Reversed => Reverse(settled),
            _ => throw new ArgumentOutOfRangeException(nameof(deposit), deposit.Type, "unknown deposit event"),
        };
    }

    private LedgerDecision Settle(LedgerEntry? pending)
    {
        if (pending is not null && pending.Currency != deposit.Amount.Currency)
        {
            return Skip($"settlement in {deposit.Amount.Currency.Code} does not match the pending deposit in {pending.Currency.Code}");
        }

        var delta = new BalanceDelta(deposit.Amount.Minor, -(pending?.Amount.Minor ?? 0), 0);
        return Post(Settled(_reference), EntryType.Deposit, Direction.Credit, EntryStatus.Settled, deposit.Amount, delta);
    }

    private LedgerDecision Reject(LedgerEntry? pending) => pending is null
        ? Post(Rejected(_reference), EntryType.Deposit, Direction.Credit, EntryStatus.Failed, deposit.Amount, default)
        : Post(Rejected(_reference), EntryType.Deposit, Direction.Credit, EntryStatus.Failed, pending.Amount,
            new BalanceDelta(0, -pending.Amount.Minor, 0));

    private LedgerDecision Reverse(LedgerEntry settled) => deposit.Amount != settled.Amount
        ? Skip($"reversal amount {deposit.Amount} {deposit.Amount.Currency.Code} differs from the settled {settled.Amount} {settled.Currency.Code}")
        : Post(Reversed(_reference), EntryType.Reversal, Direction.Debit, EntryStatus.Settled, settled.Amount,
            BalanceDelta.SettledDebit(settled.Amount.Minor), settled.Id, $"Reversal of {settled.Description}");

    private LedgerDecision.Post Post(string reference, EntryType type, Direction direction, EntryStatus status,
        Money.Money amount, BalanceDelta delta, string? parent = null, string? description = null) =>
        new(new Posting(reference, accountId, type, direction, status, amount, delta, description ?? Description,
            ParentEntryId: parent, Counterparty: deposit.Sender?.Name));

    private string Description => deposit.Narration is { Length: > 0 } narration
        ? narration
        : $"Deposit {deposit.Reference}" + (deposit.Sender?.Name is { Length: > 0 } name ? $" from {name}" : string.Empty);

    private static LedgerDecision.Skip Skip(string reason) => new(reason);
}
