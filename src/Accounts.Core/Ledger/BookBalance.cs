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
