using System.Diagnostics.Metrics;
using Accounts.Core.Deposits;

namespace Accounts.Core.Telemetry;

/// <summary>
/// The "Accounts" meter: what an operator of a payments service watches. Every instrument is defined here; the code that
/// does the work records through <see cref="DepositMetrics"/> and <see cref="NotificationMetrics"/>, one line per call
/// site. System.Diagnostics.Metrics is part of the runtime, so the domain may record without any telemetry package; the
/// app decides where (if anywhere) the measurements go.
/// </summary>
public static class AccountsMetrics
{
    public const string MeterName = "Accounts";

    internal static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> DepositsAccepted = Meter.CreateCounter<long>(
        "accounts.deposits.accepted", "{event}", "Deposit events accepted by the webhook (first delivery of each event).");

    internal static readonly Counter<long> DepositsApplied = Meter.CreateCounter<long>(
        "accounts.deposits.applied", "{event}", "Deposit events whose ledger effect was applied.");

    internal static readonly Counter<long> DepositsRejected = Meter.CreateCounter<long>(
        "accounts.deposits.rejected", "{event}", "Deposit events refused when processed (unknown or closed account, wrong currency, limit); a refund is due.");

    internal static readonly Counter<long> DepositsDeadLettered = Meter.CreateCounter<long>(
        "accounts.deposits.dead_lettered", "{event}", "Deposit events whose processing kept failing; an operator must look.");

    internal static readonly Histogram<double> WebhookToApplied = Meter.CreateHistogram<double>(
        "accounts.deposits.webhook_to_applied", "s", "Time from the webhook accepting an event to its ledger effect being applied.");

    internal static readonly Histogram<double> QueueLag = Meter.CreateHistogram<double>(
        "accounts.deposits.queue_lag", "s", "Time from the webhook accepting an event to a worker starting on it.");

    internal static readonly Counter<long> NotificationsDelivered = Meter.CreateCounter<long>(
        "accounts.notifications.delivered", "{notification}", "Notifications delivered to a tenant's endpoint.");

    internal static readonly Counter<long> NotificationsFailed = Meter.CreateCounter<long>(
        "accounts.notifications.failed", "{notification}", "Notification delivery attempts that failed.");

    private static long _outboxBacklog;

    /// <summary>Events accepted but overdue in the outbox at the last sweep: they may never have reached the queue.</summary>
    internal static readonly ObservableGauge<long> OutboxBacklog = Meter.CreateObservableGauge(
        "accounts.deposits.outbox_backlog", () => Interlocked.Read(ref _outboxBacklog), "{event}",
        "Accepted deposit events overdue in the outbox at the last sweep (not known to be queued).");

    internal static void SetOutboxBacklog(long count) => Interlocked.Exchange(ref _outboxBacklog, count);
}

/// <summary>The deposit pipeline's measurements, one call per stage.</summary>
public static class DepositMetrics
{
    /// <summary>The webhook accepted an event; only its first delivery counts (a redelivery has no second effect).</summary>
    public static void Received(DepositEventType type, bool firstDelivery)
    {
        if (firstDelivery)
        {
            AccountsMetrics.DepositsAccepted.Add(1, Tag(type));
        }
    }

    /// <summary>A worker starts on <paramref name="deposit"/> (its ReceivedAt is when the webhook accepted it).</summary>
    public static void Dequeued(DepositEvent deposit, DateTimeOffset now) =>
        AccountsMetrics.QueueLag.Record(Seconds(now - deposit.ReceivedAt), Tag(deposit.Type));

    /// <summary>An event's outcome is recorded: applied (with the webhook-to-applied time) or rejected; others are not counted.</summary>
    public static void Processed(DepositEvent deposit, DepositStatus status, DateTimeOffset now)
    {
        if (status == DepositStatus.Applied)
        {
            AccountsMetrics.DepositsApplied.Add(1, Tag(deposit.Type));
            AccountsMetrics.WebhookToApplied.Record(Seconds(now - deposit.ReceivedAt), Tag(deposit.Type));
        }
        else if (status == DepositStatus.Rejected)
        {
            AccountsMetrics.DepositsRejected.Add(1, Tag(deposit.Type));
        }
    }

    /// <summary>A delivery of an event failed; the last allowed one dead-letters it.</summary>
    public static void Failed(DepositEventType type, bool deadLettered)
    {
        if (deadLettered)
        {
            AccountsMetrics.DepositsDeadLettered.Add(1, Tag(type));
        }
    }

    /// <summary>How many outbox rows a sweep found overdue.</summary>
    public static void OutboxBacklog(int overdue) => AccountsMetrics.SetOutboxBacklog(overdue);

    // The lifecycle step ("pending", "settled", ...), not a dialect's wire name: metrics are the core's vocabulary.
    private static KeyValuePair<string, object?> Tag(DepositEventType type) => new("event", type.ToString().ToLowerInvariant());

    private static double Seconds(TimeSpan elapsed) => Math.Max(0, elapsed.TotalSeconds);
}

/// <summary>Notification deliveries, recorded by the notification sender.</summary>
public static class NotificationMetrics
{
    /// <param name="kind">What was notified, e.g. "deposit.applied"; a small fixed set, never an id.</param>
    public static void Delivered(string kind) => AccountsMetrics.NotificationsDelivered.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <param name="kind">What was notified, e.g. "deposit.applied"; a small fixed set, never an id.</param>
    public static void Failed(string kind) => AccountsMetrics.NotificationsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
