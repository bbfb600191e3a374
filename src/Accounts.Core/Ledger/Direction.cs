namespace Accounts.Core.Ledger;

public enum Direction
{
    Credit,
    Debit,
}
