namespace Accounts.Core.Accounts;

/// <summary>
/// Storage of <see cref="AccountList"/>s: a head row with counters, a slot row per position and a member row per
/// account, changed only in entity-group transactions that replace the head at its ETag, so concurrent appends take
/// distinct positions and every count changes exactly once.
/// </summary>
public interface IAccountLists
{
    /// <summary>
    /// True when every account of the tenant is in its lists: the tenant had no accounts when lists were first used in
    /// it. Decided once per tenant (the first call looks for any stored account) and recorded, so a list that has no
    /// head is then known to be empty, without a scan.
    /// </summary>
    Task<bool> CoversTenantAsync(string tenantId, CancellationToken ct);

    /// <summary>The list's head, or null when the list has never been created.</summary>
    Task<AccountListHead?> GetHeadAsync(AccountList list, CancellationToken ct);

    /// <summary>
    /// Creates the list holding <paramref name="members"/> in order (those marked closed counted as closed), unless it
    /// exists; returns the head that won. Rows of a losing concurrent creation are never reachable from the head.
    /// </summary>
    Task<AccountListHead> CreateAsync(AccountList list, IReadOnlyList<(string AccountId, bool Closed)> members, CancellationToken ct);

    /// <summary>
    /// Appends the account at the next position unless it is a member already (exactly once), and returns the time it
    /// was appended: <paramref name="now"/>, or just after the previous append when the clock is behind it, so times
    /// grow with positions. A repeated append returns the first one's time. Null when the list has not been created.
    /// </summary>
    Task<DateTimeOffset?> AppendAsync(AccountList list, string accountId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Counts the member as closed, exactly once; false when it is not a member of the list.</summary>
    Task<bool> MarkClosedAsync(AccountList list, string accountId, CancellationToken ct);

    /// <summary>The account ids at positions <paramref name="from"/> .. from + count − 1 (null where a slot is absent), read in parallel.</summary>
    Task<IReadOnlyList<string?>> SlotsAsync(AccountList list, AccountListHead head, long from, int count, CancellationToken ct);
}
