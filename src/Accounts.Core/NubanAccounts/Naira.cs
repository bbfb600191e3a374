using Accounts.Core.Money;

namespace Accounts.Core.NubanAccounts;

/// <summary>The currency of every NUBAN account.</summary>
public static class Naira
{
    public static Currency Currency { get; } = Currency.Parse("NGN", "currency");
}
