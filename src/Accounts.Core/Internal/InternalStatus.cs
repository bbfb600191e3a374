using Accounts.Core.Accounts;

namespace Accounts.Core.Internal;

public static class InternalStatus
{
    /// <summary>The wire form of a status: ACTIVE, BLOCKED, CLOSED…</summary>
    public static string Name(AccountStatus status) => status.ToString().ToUpperInvariant();
}
