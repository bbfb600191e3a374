using Accounts.Core.Notifications;
using Azure.Messaging.ServiceBus;

namespace Accounts.Functions.Notifications;

/// <summary>
/// Under the Functions host: a delivery goes to the "notifications" Service Bus queue, a retry as a message scheduled
/// for its time. MessageId is the delivery and its attempt time, so duplicate detection drops only a copy of the same send.
/// </summary>
public sealed class ServiceBusDeliverySender(ServiceBusSender sender, TimeProvider clock) : IDeliverySender
{
    public Task SendAsync(DeliveryKey key, TimeSpan delay, CancellationToken ct)
    {
        var at = clock.GetUtcNow() + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        var message = new ServiceBusMessage(BinaryData.FromString(DeliveryMessage.Write(key)))
        {
            MessageId = $"{key.EventId}|{key.EndpointId}|{at.UtcTicks}",
            ContentType = "application/json",
            Subject = "notification.delivery",
        };
        if (delay > TimeSpan.Zero)
        {
            message.ScheduledEnqueueTime = at;
        }

        return sender.SendMessageAsync(message, ct);
    }
}
