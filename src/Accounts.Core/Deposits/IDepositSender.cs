namespace Accounts.Core.Deposits;

/// <summary>How an accepted event's message is put on the deposit queue (Service Bus under the Functions host, the storage
/// queue standalone, where the accepting process may apply the event itself instead).</summary>
public interface IDepositSender
{
    /// <summary>
    /// Completes only once the message is in the queue (the local queue and Service Bus both confirm a send) or the
    /// event's outcome is recorded, so the event's outbox row can go.
    /// </summary>
    Task SendAsync(string eventId, string message, CancellationToken ct);
}

/// <summary>
/// The queued form of an event: self-contained, so a consumer needs nothing else to apply it. Its text is the host's
/// (a wire format), and so are the event names used in messages to the provider.
/// </summary>
public interface IDepositMessageFormat
{
    string Write(DepositEvent deposit);

    /// <summary>The event a message carries; <see cref="InvalidDataException"/> for a message that is not one.</summary>
    DepositEvent Read(string message);

    /// <summary>How the provider names <paramref name="type"/>, for refusals it reads.</summary>
    string Name(DepositEventType type);
}
