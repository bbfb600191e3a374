using Accounts.Core.Notifications;
using Accounts.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accounts.Storage.Notifications;

public static class NotificationStorageRegistration
{
    /// <summary>The notification store, and the standalone delivery queue beside the deposit queue (created on first use).</summary>
    public static IServiceCollection AddNotificationStorage(this IServiceCollection services)
    {
        services.AddSingleton<INotificationStore, TableNotificationStore>();
        services.AddSingleton(sp => NotificationQueue.Create(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<IOptions<QueueStorageOptions>>().Value));
        return services;
    }
}
