namespace Accounts.Functions.Deposits;

/// <summary>How an accepted event's message is put on the deposit queue.</summary>
public interface IDepositSender
{
    /// <summary>
    /// Completes only once the message is in the queue (the local queue and Service Bus both confirm a send), so the
    /// event's outbox row can go.
    /// </summary>
    Task SendAsync(string eventId, string message, CancellationToken ct);
}
