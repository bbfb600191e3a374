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
}
