namespace Accounts.Core.Accounts;

public enum AccountStatus
{
    Pending,
    Active,
    Inactive,
    Blocked,
    Closed,
    Expired,
}
