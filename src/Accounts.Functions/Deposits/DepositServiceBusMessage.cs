using Azure.Messaging.ServiceBus;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The Service Bus form of a queued deposit message. <c>MessageId</c> is the event id, so the queue's duplicate detection
/// drops a second send of the same event (a webhook redelivery, a sweep racing a slow send); <c>SessionId</c> is the
/// receiving account number, so a session-enabled queue hands each account's events to one consumer at a time, in order.
/// Account numbers are unique per tenant, not across tenants: two tenants' accounts may share a session, which only
/// orders their events together (each message carries its own tenant). The body is the stored message JSON unchanged.
/// </summary>
public static class DepositServiceBusMessage
{
    public const string ContentType = "application/json";
    public const string TenantProperty = "tenant_id";
    public const string EventTypeProperty = "event_type";

    public static ServiceBusMessage Create(string messageJson)
    {
        var deposit = DepositMessage.Parse(messageJson);
        var message = new ServiceBusMessage(BinaryData.FromString(messageJson))
        {
            MessageId = deposit.EventId,
            SessionId = deposit.AccountNumber,
            ContentType = ContentType,
            Subject = deposit.Event,
        };
        message.ApplicationProperties[TenantProperty] = deposit.TenantId;
        message.ApplicationProperties[EventTypeProperty] = deposit.Event;
        return message;
    }
}
