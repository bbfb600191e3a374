using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accounts.Storage.Queues;

public static class QueueRegistration
{
    /// <summary>
    /// The standalone deposit queue, on the same account (and with the same prefix) as the tables unless
    /// Storage:QueueEndpoint names a queue endpoint reached with DefaultAzureCredential. Nothing is created until first use.
    /// </summary>
    public static IServiceCollection AddDepositQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueStorageOptions>()
            .Configure(options => options.Endpoint = StorageEndpoint.Parse(QueueStorageOptions.EndpointKey, configuration[QueueStorageOptions.EndpointKey]));
        services.AddSingleton(sp => DepositQueue.Create(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<IOptions<QueueStorageOptions>>().Value));
        return services;
    }
}
