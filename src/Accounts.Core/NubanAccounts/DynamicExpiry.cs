using Accounts.Core.Accounts;

namespace Accounts.Core.NubanAccounts;

/// <summary>
/// When a dynamic account counts as expired: from the first instant after its expiry time, whether or not the
/// expiry timer has marked it yet, so reads and deposits never depend on the timer having run.
/// </summary>
public static class DynamicExpiry
{
    public static bool IsExpired(Account account, DateTimeOffset now) =>
        account.Kind == AccountKind.NubanDynamic &&
        (account.Status == AccountStatus.Expired || (account.ExpiresAt is { } expiresAt && now > expiresAt));
}
