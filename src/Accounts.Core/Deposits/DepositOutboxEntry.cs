namespace Accounts.Core.Deposits;

/// <summary>
/// A row of the deposit outbox: an accepted event not yet known to be queued. Its key is the event's record (tenant,
/// reference, type) and arrival time, all carried by the queued message, so whoever queues or processes the event can
/// remove the row without reading anything. <see cref="DueAt"/> is when the sweeper queues the event again if the row
/// is still there.
/// </summary>
public sealed record DepositOutboxEntry(string TenantId, string Reference, DepositEventType Type, DateTimeOffset ReceivedAt)
{
    public DateTimeOffset DueAt { get; init; } = ReceivedAt;

    public static DepositOutboxEntry Of(DepositRecord record) => new(record.TenantId, record.Reference, record.Type, record.ReceivedAt);

    public static DepositOutboxEntry Of(DepositEvent deposit) => new(deposit.TenantId, deposit.Reference, deposit.Type, deposit.ReceivedAt);

    /// <summary>
    /// Whether this is the row written for <paramref name="record"/>. A redelivery that lost the insert to the first
    /// delivery wrote a row under its own arrival time, which belongs to no record.
    /// </summary>
    public bool IsRowOf(DepositRecord record) =>
        TenantId == record.TenantId && Reference == record.Reference && Type == record.Type && ReceivedAt == record.ReceivedAt;
}
