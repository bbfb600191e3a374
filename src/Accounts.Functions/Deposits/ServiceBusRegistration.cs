using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Accounts.Functions.Deposits;

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
