using Azure.Messaging.ServiceBus;

namespace Accounts.Functions.Deposits;

/// <summary>
/// Under the Functions host: sends each accepted event to the deposits queue with the Service Bus SDK (the output
/// binding could set neither SessionId nor MessageId). A completed send means the broker has the message, so the
/// event's outbox row can go at once; a failed send leaves the row for the sweeper.
/// </summary>
public sealed class ServiceBusDepositSender(ServiceBusSender sender) : IDepositSender
{
    public Task SendAsync(string eventId, string message, CancellationToken ct) =>
        sender.SendMessageAsync(DepositServiceBusMessage.Create(message), ct);
}
