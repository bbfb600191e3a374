namespace Accounts.Core.Ledger;

/// <summary>Signed changes, in minor units, that one entry makes to its book's balance buckets.</summary>
public readonly record struct BalanceDelta(long Posted, long Pending, long Reserved)
{
    public static BalanceDelta SettledCredit(long minor) => new(minor, 0, 0);

    public static BalanceDelta SettledDebit(long minor) => new(-minor, 0, 0);

    public static BalanceDelta PendingCredit(long minor) => new(0, minor, 0);
}
