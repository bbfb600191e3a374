namespace Accounts.Functions.Deposits;

/// <summary>Section "Deposits": retries before dead-lettering, and the outbox sweeper's timing.</summary>
public sealed class DepositOptions
{
    public const string Section = "Deposits";

    /// <summary>Deliveries before an event is dead-lettered; match the Service Bus queue's MaxDeliveryCount.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>Whether this process drains the local queue (standalone only; the Functions host uses Service Bus).</summary>
    public bool LocalWorkerEnabled { get; set; } = true;

    /// <summary>
    /// Standalone: whether an accepted event is applied in the process that accepted it, falling back to the local
    /// queue when that process is busy or the application fails (<see cref="LocalDepositApplier"/>); when off, every
    /// event goes through the queue. The queue and its worker serve either way. Only a process whose worker is enabled
    /// (<see cref="LocalWorkerEnabled"/>) applies deposits, on receipt or otherwise.
    /// </summary>
    public bool ApplyOnReceipt { get; set; } = true;

    /// <summary>
    /// Standalone: how long a received message stays invisible to other consumers (the worker's lease), in whole
    /// seconds. Far longer than a batch takes; a crashed worker's messages are delivered again once it runs out.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Standalone: the longest pause between polls of an empty queue. This process's webhook wakes the worker at once;
    /// the polls only find messages queued by other processes or coming back after a timeout or a retry delay.
    /// </summary>
    public TimeSpan MaxIdlePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an accepted event may stay unqueued (its send failed, or the process died) before the outbox
    /// sweeper queues it again. Longer than any webhook request can take, so a request in progress is never raced.
    /// </summary>
    public TimeSpan OutboxGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the standalone sweeper runs (under the host the RequeueDeposits timer's schedule decides).</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Standalone: the most deposit events one local queue message carries (1 to 32). At 1, the default, every event is
    /// its own message in the format every version reads. Above 1, sends that wait together share a message, which an
    /// older version's worker cannot read (it would move it to the poison queue): raise it only once every instance
    /// runs a version that reads such messages, and set it back to 1 and let the queue drain before rolling back.
    /// </summary>
    public int QueueMessageEvents { get; set; } = 1;

    /// <summary>Whether this process runs the standalone outbox sweeper.</summary>
    public bool OutboxSweeperEnabled { get; set; } = true;
}
