namespace Accounts.Functions.Deposits;

/// <summary>How an accepted event's message is put on the deposit queue.</summary>
public interface IDepositSender
{
    /// <summary>
    /// True when a completed <see cref="SendAsync"/> means the message is in the queue, so the event's outbox row can
    /// go. False when the message is only handed to the host's output binding, which sends it after the invocation.
    /// </summary>
    bool ConfirmsDelivery { get; }

    Task SendAsync(string eventId, string message, CancellationToken ct);
}
