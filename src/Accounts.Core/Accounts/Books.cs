namespace Accounts.Core.Accounts;

/// <summary>
/// The one rule for naming the ledger book an account posts to. The strings are stored (ledger partitions, account
/// rows), so they must never change.
/// </summary>
public static class Books
{
    /// <summary>An account that is its own book (NUBAN, internal and entity accounts), so it never shares a balance row.</summary>
    public static string OfAccount(string tenantId, string accountId) => $"{tenantId}|acct|{accountId}";

    /// <summary>The wallet every global account of one user credits, so balances are per user and currency.</summary>
    public static string OfWallet(string tenantId, string userId) => $"{tenantId}|wallet|{userId}";
}
