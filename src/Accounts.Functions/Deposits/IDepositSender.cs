namespace Accounts.Functions.Deposits;

/// <summary>How an accepted event's message is put on the deposit queue.</summary>
public interface IDepositSender
{
    /// <summary>
    /// True when a completed <see cref="SendAsync"/> means the message is in the queue, so the event's outbox row can
    /// go (both the local queue and Service Bus). A sender that only hands the message on would answer false, and the
    /// sweeper would then keep the row, postponed, until the event is processed.
    /// </summary>
    bool ConfirmsDelivery { get; }

    Task SendAsync(string eventId, string message, CancellationToken ct);
}
