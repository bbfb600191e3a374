using Accounts.Core.Deposits;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

/// <summary>Under the Functions host: deposits go to the Service Bus queue the ApplyDeposit trigger reads.</summary>
public static class ServiceBusRegistration
{
    public static IServiceCollection AddServiceBusDepositSender(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, so a missing setting stops the start instead of failing every deposit; nothing connects until a send.
        var connection = ServiceBusConnectionSetting.Resolve(configuration, DepositEndpoints.Connection);
        services.AddSingleton(_ => connection.CreateClient());
        services.AddSingleton(provider => provider.GetRequiredService<ServiceBusClient>().CreateSender(DepositEndpoints.Queue));
        services.Replace(ServiceDescriptor.Singleton<IDepositSender, ServiceBusDepositSender>());
        return services;
    }
}
