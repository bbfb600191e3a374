using Accounts.Functions.Deposits;
using Accounts.Functions.Hosting;
using Accounts.Functions.Tests.Deposits;
using Accounts.Storage.Ledger;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Accounts.Functions.Tests.Infrastructure;

/// <summary>
/// The real app in the "Testing" environment (never its own Azurite) over the given storage; <paramref name="configure"/>
/// lets a test add settings or replace services. By default it runs standalone, as <c>dotnet run</c> does; with
/// <paramref name="underFunctionsHost"/> it runs as the Functions host starts it, serving the JSON-invocation routes.
/// </summary>
public sealed class TestingAppFactory(string storageConnectionString, string? tablePrefix, Action<IWebHostBuilder>? configure = null,
    bool underFunctionsHost = false)
    : WebApplicationFactory<Program>
{
    public const string EnvironmentName = "Testing";

    /// <summary>The port the host would pass; the in-memory test server never binds it.</summary>
    public const string FunctionsHostPort = "7072";

    /// <summary>Identity-based Service Bus setting of the tests; nothing connects, the sender is replaced.</summary>
    public const string ServiceBusNamespace = "accounts-test.servicebus.windows.net";

    /// <summary>
    /// Sets what the Functions host sets when it starts the handler, for factories made with WithWebHostBuilder, and
    /// replaces the Service Bus sender with a <see cref="RecordingServiceBusSender"/> (resolve <c>ServiceBusSender</c>).
    /// </summary>
    public static void RunUnderFunctionsHost(IWebHostBuilder builder) =>
        builder.UseSetting(ListenAddress.CustomHandlerPortKey, FunctionsHostPort)
            .UseSetting(DepositEndpoints.Connection + ":fullyQualifiedNamespace", ServiceBusNamespace)
            .ConfigureTestServices(services => services.AddSingleton<ServiceBusSender, RecordingServiceBusSender>());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Heads keyed by book from the first commit, as a deployment whose ledger begins with this version runs; the
        // storage tests cover the default (shared heads), the move, and the settings side by side.
        builder.UseEnvironment(EnvironmentName).UseSetting("Storage:ConnectionString", storageConnectionString)
            .UseSetting(LedgerLayout.Setting, nameof(HeadRows.KeyedOnly));
        if (tablePrefix is not null)
        {
            builder.UseSetting("Storage:TablePrefix", tablePrefix);
        }

        if (underFunctionsHost)
        {
            RunUnderFunctionsHost(builder);
        }

        configure?.Invoke(builder);
    }
}
