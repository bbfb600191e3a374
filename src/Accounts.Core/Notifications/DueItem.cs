namespace Accounts.Core.Notifications;

/// <summary>
/// A row of the notification outbox: work that must happen even if this process dies. A <see cref="BookCommit"/> is
/// written before a book commit that may cause events and removed once they are made, an <see cref="AccountChange"/>
/// likewise around an account row's write; a delivery's row lives while the delivery is pending. The sweeper acts on rows whose <see cref="DueAt"/> has passed.
/// </summary>
public abstract record DueItem(DateTimeOffset DueAt)
{
    /// <summary>The store's version of the row, for removing it only if nobody rewrote it meanwhile.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// A commit of entries <paramref name="FromSequence"/>..<paramref name="ToSequence"/> written between
    /// <paramref name="FromTime"/> and <paramref name="ToTime"/> (the times the plan gave them), if it landed.
    /// <paramref name="Nonce"/> keeps two attempts at the same sequences apart.
    /// </summary>
    public sealed record BookCommit(string TenantId, string BookId, long FromSequence, long ToSequence, DateTimeOffset FromTime,
        DateTimeOffset ToTime, string Nonce, DateTimeOffset DueAt) : DueItem(DueAt);

    public sealed record PendingDelivery(DeliveryKey Key, DateTimeOffset DueAt) : DueItem(DueAt);

    /// <summary>An account change outside the ledger (<paramref name="Type"/> account.created or account.expired), if it lands.</summary>
    public sealed record AccountChange(string TenantId, string AccountId, string Type, DateTimeOffset DueAt) : DueItem(DueAt);
}
