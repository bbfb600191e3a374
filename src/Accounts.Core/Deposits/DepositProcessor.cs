using Accounts.Core.Telemetry;
using Accounts.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Accounts.Core.Deposits;

/// <summary>
/// Applies one queued deposit message and records the outcome on the event's record, in one write: the ledger decided
/// the outcome (a redelivery finds the same entry), so it supersedes whatever the record said, a concurrent delivery's
/// failure included. A failure is recorded with the attempt count (read, then version-checked, so it never hides an
/// outcome) and rethrown so the queue redelivers; the last allowed attempt marks the record DeadLettered (unless an
/// earlier delivery's outcome is recorded: that stands), and the
/// event's outbox row is removed: a delivery proves the message is in the queue, which keeps it until it is completed
/// or dead-lettered, so the sweeper must not queue it again. A processed event's row needs no removal here: the webhook
/// removes it once queued, and one it left (a crash) is dropped by the sweeper, which sees the record is processed.
/// </summary>
public sealed class DepositProcessor(DepositService deposits, IDepositRecordStore records, IDepositOutbox outbox, IDepositMessageFormat format,
    TimeProvider clock, ILogger<DepositProcessor> logger)
{
    public async Task<DepositOutcome> ProcessAsync(string message, int deliveryCount, int maxDeliveries, CancellationToken ct)
    {
        var deposit = format.Read(message);
        DepositOutcome outcome;
        try
        {
            outcome = await DecideAsync(deposit, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var deadLettered = deliveryCount >= maxDeliveries;
            logger.LogError(ex, "Deposit {EventId} failed on delivery {Delivery} of {Max}", deposit.EventId, deliveryCount, maxDeliveries);
            await RecordAsync(deposit, message, r => r.Status is DepositStatus.Received or DepositStatus.DeadLettered
                ? r with
                {
                    Status = deadLettered ? DepositStatus.DeadLettered : r.Status,
                    Attempts = deliveryCount,
                    Reason = $"delivery {deliveryCount} failed: {ex.Message}",
                }
                // An outcome already recorded stands: this delivery replayed an event the ledger had decided (its message
                // came back for another event's sake, or its delete was lost), and a replay that fails changes nothing.
                : r, CancellationToken.None);
            await outbox.RemoveAsync(DepositOutboxEntry.Of(deposit), CancellationToken.None);
            DepositMetrics.Failed(deposit.Type, deadLettered);
            throw;
        }

        await RecordOutcomeAsync(deposit, message, outcome, deliveryCount, ct);
        return outcome;
    }

    /// <summary>
    /// Applies an event in the process that accepted it, before (instead of) queueing it, and records the outcome with
    /// one attempt. A failure is neither recorded nor handled here: the event is still covered (by its outbox row, or by
    /// a message already queued when this is a redelivery), and the caller queues it, whose deliveries then count their
    /// attempts and record their failures.
    /// </summary>
    public async Task<DepositOutcome> ApplyOnReceiptAsync(DepositEvent deposit, string message, CancellationToken ct)
    {
        var outcome = await DecideAsync(deposit, ct);
        await RecordOutcomeAsync(deposit, message, outcome, attempts: 1, ct);
        return outcome;
    }

    private async Task<DepositOutcome> DecideAsync(DepositEvent deposit, CancellationToken ct)
    {
        DepositMetrics.Dequeued(deposit, clock.GetUtcNow());
        var outcome = await deposits.ApplyAsync(deposit, ct);

        // Counted when the ledger decided, before the outcome is recorded: whoever sees the recorded status (a client
        // polling the event) also sees it counted.
        DepositMetrics.Processed(deposit, outcome.Status, clock.GetUtcNow());
        return outcome;
    }

    private async Task RecordOutcomeAsync(DepositEvent deposit, string message, DepositOutcome outcome, int attempts, CancellationToken ct)
    {
        DepositRecord Processed(DepositRecord r) => r with
        {
            Status = outcome.Status,
            Reason = outcome.Reason,
            Attempts = attempts,
            AccountId = outcome.AccountId,
            EntryId = outcome.EntryId,
            ProcessedAt = clock.GetUtcNow(),
        };

        if (!await records.TryRecordOutcomeAsync(Processed(DepositRecord.Received(deposit, message, format)), ct))
        {
            await RecordAsync(deposit, message, Processed, ct);
        }
    }

    /// <summary>
    /// The events of one deposit reference must be applied in queue order (the lifecycle is per reference); different
    /// references may go concurrently. Null for a message that is no event: processing it fails and is reported.
    /// </summary>
    public (string TenantId, string Reference)? SequenceOf(string message) =>
        EventOf(message) is { } deposit ? (deposit.TenantId, deposit.Reference) : null;

    /// <summary>The event a message carries; null for a message that is no event.</summary>
    public DepositEvent? EventOf(string message)
    {
        try
        {
            return format.Read(message);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private async Task RecordAsync(DepositEvent deposit, string message, Func<DepositRecord, DepositRecord> change, CancellationToken ct)
    {
        while (true)
        {
            var record = await records.GetAsync(deposit.TenantId, deposit.Reference, deposit.Type, ct);
            if (record is null)
            {
                // Inserted (or by now inserted by someone else), then read back with its version on the next turn.
                await records.TryInsertAsync(DepositRecord.Received(deposit, message, format), ct);
                continue;
            }

            try
            {
                await records.UpdateAsync(change(record), ct);
                return;
            }
            catch (ConcurrencyException)
            {
                // Another delivery of the same event updated the record meanwhile; apply the change to its state.
            }
        }
    }
}
