using Azure.Messaging.ServiceBus;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>A Service Bus message as the trigger receives it: body text and the broker's properties.</summary>
internal sealed record HostMessage(
    string Body,
    string MessageId,
    string? SessionId = null,
    int DeliveryCount = 1,
    IReadOnlyDictionary<string, object>? ApplicationProperties = null,
    long SequenceNumber = 1)
{
    /// <summary>With sub-second precision, which the host's DateTime.Parse(ToString()) drops for scalar dates.</summary>
    public DateTimeOffset EnqueuedTime { get; init; } = new(2025, 4, 9, 10, 12, 37, 456, TimeSpan.Zero);

    public string ContentType { get; init; } = "application/json";

    /// <summary>What the trigger receives for a message the app sent: built by the SDK's ServiceBusModelFactory.</summary>
    public static HostMessage Received(ServiceBusMessage sent, int deliveryCount = 1, long sequenceNumber = 1)
    {
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body, messageId: sent.MessageId, sessionId: sent.SessionId, contentType: sent.ContentType,
            subject: sent.Subject, properties: sent.ApplicationProperties, deliveryCount: deliveryCount, sequenceNumber: sequenceNumber,
            enqueuedTime: new DateTimeOffset(2025, 4, 9, 10, 12, 37, 456, TimeSpan.Zero));
        return new HostMessage(received.Body.ToString(), received.MessageId, received.SessionId, received.DeliveryCount,
            received.ApplicationProperties.ToDictionary(p => p.Key, p => p.Value), received.SequenceNumber)
        {
            EnqueuedTime = received.EnqueuedTime,
            ContentType = received.ContentType,
        };
    }
}
