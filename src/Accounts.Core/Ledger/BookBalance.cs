using Accounts.Core.Money;

namespace Accounts.Core.Ledger;

/// <summary>One currency's balance in a book. Invariant: available = posted − reserved.</summary>
public sealed record BookBalance(string BookId, Currency Currency, long Posted, long Pending, long Reserved)
{
    public long Available => Posted - Reserved;

    public BookBalance Apply(BalanceDelta delta) => this with
    {
        Posted = checked(Posted + delta.Posted),
        Pending = checked(Pending + delta.Pending),
        Reserved = checked(Reserved + delta.Reserved),
    };
}

/// <summary>Signed changes, in minor units, that one entry makes to its book's balance buckets.</summary>
public readonly record struct BalanceDelta(long Posted, long Pending, long Reserved)
{
    public static BalanceDelta SettledCredit(long minor) => new(minor, 0, 0);

    public static BalanceDelta SettledDebit(long minor) => new(-minor, 0, 0);

    public static BalanceDelta PendingCredit(long minor) => new(0, minor, 0);
}
