namespace Accounts.Core.Ledger;

public enum EntryType
{
    Deposit,
    Payout,
    Reversal,
    Fee,
    Conversion,
    Hold,
    HoldRelease,

    /// <summary>Marks an account closed inside its book; moves no money and is not shown as a transaction.</summary>
    Closure,
}
