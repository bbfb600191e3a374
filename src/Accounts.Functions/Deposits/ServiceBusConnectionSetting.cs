using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;

namespace Accounts.Functions.Deposits;

/// <summary>
/// How the handler reaches Service Bus, read from the same app settings as the trigger binding's <c>connection</c>
/// (Functions convention): the setting itself holds a connection string, or <c>{name}__fullyQualifiedNamespace</c> names
/// the namespace of an identity-based connection, reached with <see cref="DefaultAzureCredential"/> (the app's managed
/// identity in Azure). The handler gets every app setting as an environment variable, where <c>__</c> is a section.
/// </summary>
public sealed record ServiceBusConnectionSetting(string? ConnectionString, string? FullyQualifiedNamespace)
{
    public static ServiceBusConnectionSetting Resolve(IConfiguration configuration, string name)
    {
        if (configuration[name] is { Length: > 0 } connectionString)
        {
            return new ServiceBusConnectionSetting(connectionString, null);
        }

        if (configuration[name + ":fullyQualifiedNamespace"] is { Length: > 0 } fullyQualifiedNamespace)
        {
            return new ServiceBusConnectionSetting(null, fullyQualifiedNamespace.Trim());
        }

        throw new InvalidOperationException(
            $"Service Bus is not configured: set {name} to a connection string, or {name}__fullyQualifiedNamespace to the " +
            "namespace (e.g. accounts.servicebus.windows.net) for the app's managed identity");
    }

    /// <summary>
    /// Retries are bounded so a webhook whose send fails still answers within seconds (its event is stored and the outbox
    /// sweeper sends it later); a retried send cannot double a message, because MessageId is the event id.
    /// </summary>
    public static readonly ServiceBusClientOptions ClientOptions = new()
    {
        RetryOptions = new ServiceBusRetryOptions
        {
            Mode = ServiceBusRetryMode.Exponential,
            MaxRetries = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            TryTimeout = TimeSpan.FromSeconds(10),
        },
    };

    /// <param name="credential">For an identity-based connection; <see cref="DefaultAzureCredential"/> when null.</param>
    public ServiceBusClient CreateClient(TokenCredential? credential = null) =>
        ConnectionString is not null
            ? new ServiceBusClient(ConnectionString, ClientOptions)
            : new ServiceBusClient(FullyQualifiedNamespace, credential ?? new DefaultAzureCredential(), ClientOptions);
}
