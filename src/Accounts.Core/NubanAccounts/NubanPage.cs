using Accounts.Core.Accounts;

namespace Accounts.Core.NubanAccounts;

/// <summary>One page of a tenant's NUBAN accounts, newest first; <see cref="TotalItems"/> counts every page.</summary>
public sealed record NubanPage(IReadOnlyList<Account> Items, int Page, int Limit, int TotalItems)
{
    public int TotalPages => TotalItems == 0 ? 0 : (TotalItems + Limit - 1) / Limit;
}
