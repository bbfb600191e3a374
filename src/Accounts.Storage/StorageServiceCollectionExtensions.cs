using Accounts.Core.Accounts;
using Accounts.Core.Claims;
using Accounts.Core.Deposits;
using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Kyc;
using Accounts.Core.Ledger;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Tenancy;
using Accounts.Storage.Accounts;
using Accounts.Storage.Claims;
using Accounts.Storage.Deposits;
using Accounts.Storage.Kyc;
using Accounts.Storage.Ledger;
using Accounts.Storage.NubanAccounts;
using Accounts.Storage.Notifications;
using Accounts.Storage.Queues;
using Accounts.Storage.Tables;
using Accounts.Storage.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Accounts.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Table Storage stores. Storage is reached with Storage:TableEndpoint (an https URI, with
    /// DefaultAzureCredential: the app's managed identity in Azure) or with a connection string: Storage:ConnectionString,
    /// else AzureWebJobsStorage (what the Functions host uses), else local Azurite. Giving both Storage:TableEndpoint
    /// and Storage:ConnectionString is an error. Storage:OperationTimeoutSeconds and
    /// Storage:AttemptTimeoutSeconds bound each storage call (see <see cref="TableStorageOptions"/>);
    /// Accounts:RecentReadSeconds bounds how old a shown account may be (see <see cref="RecentReads"/>). Configuration is
    /// read when the stores are first resolved, so overrides added after this call (test hosts) still apply.
    /// </summary>
    public static IServiceCollection AddAccountsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TableStorageOptions>().Configure(options =>
        {
            var connectionString = NonEmpty(configuration["Storage:ConnectionString"]);
            var endpoint = NonEmpty(configuration["Storage:TableEndpoint"]);
            if (endpoint is not null)
            {
                // An explicit endpoint (managed identity) must not be shadowed by, or mixed with, an account key.
                options.ConnectionString = connectionString is null
                    ? null
                    : throw new FormatException("Give Storage:ConnectionString or Storage:TableEndpoint, not both");
                options.TableEndpoint = StorageEndpoint.Parse("Storage:TableEndpoint", endpoint);
            }
            else
            {
                options.ConnectionString = connectionString
                    ?? NonEmpty(configuration["AzureWebJobsStorage"])
                    ?? TableStorageOptions.DevelopmentStorage;
            }

            options.TablePrefix = NonEmpty(configuration["Storage:TablePrefix"]);
            options.OperationTimeout = Seconds(configuration, "Storage:OperationTimeoutSeconds") ?? options.OperationTimeout;
            options.AttemptTimeout = Seconds(configuration, "Storage:AttemptTimeoutSeconds") ?? options.AttemptTimeout;
        });
        services.AddSingleton(sp => new StorageTables(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.AddSingleton<TableInitializer>();
        services.AddSingleton<ITableInitializer>(sp => sp.GetRequiredService<TableInitializer>());
        services.AddSingleton(new LedgerLayout(Heads(configuration)));
        services.AddSingleton<ILedgerStore, TableLedgerStore>();
        services.AddSingleton<IBookSequence, TableBookSequence>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => Seconds(configuration, RecentReads.Setting, allowZero: true) is { } bound ? new RecentReads(bound) : RecentReads.Default);
        services.AddSingleton<IAccountStore, TableAccountStore>();
        services.AddSingleton<IAccountLists, TableAccountLists>();
        services.AddSingleton<ITenantStore, TableTenantStore>();
        services.AddSingleton<ITokenStore, TableTokenStore>();
        services.AddSingleton<IClaimStore, TableClaimStore>();
        services.AddSingleton<IDepositRecordStore, TableDepositRecordStore>();
        services.AddSingleton<IDepositOutbox>(sp => new TableDepositOutbox(sp.GetRequiredService<StorageTables>(), OutboxRowEvents(configuration)));
        services.AddDepositQueue(configuration);
        services.AddSingleton<IEntityStore, TableEntityStore>();
        services.AddSingleton<INumberPoolStore, TableNumberPoolStore>();
        services.AddSingleton<IExpiryIndex, TableExpiryIndex>();
        services.AddNotificationStorage();
        return services;
    }

    private static int OutboxRowEvents(IConfiguration configuration) =>
        NonEmpty(configuration[TableDepositOutbox.Setting]) is not { } text ? 1
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var events)
            && events is >= 1 and <= OutboxRows.MaxEvents
            ? events
            : throw new FormatException($"{TableDepositOutbox.Setting} must be a whole number from 1 to {OutboxRows.MaxEvents}, not '{text}'");

    private static HeadRows Heads(IConfiguration configuration) =>
        NonEmpty(configuration[LedgerLayout.Setting]) is not { } text ? HeadRows.Shared
        : Enum.TryParse<HeadRows>(text, ignoreCase: true, out var heads) && Enum.IsDefined(heads) && !text.Any(char.IsDigit) ? heads
        : throw new FormatException($"{LedgerLayout.Setting} must be {string.Join(", ", Enum.GetNames<HeadRows>())}, not '{text}'");

    private static TimeSpan? Seconds(IConfiguration configuration, string key, bool allowZero = false)
    {
        var text = NonEmpty(configuration[key]);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture,
            out var seconds) && (seconds > 0 || (allowZero && seconds == 0)) && seconds <= 300
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"{key} must be a number of seconds {(allowZero ? "from 0" : "above 0")} up to 300, not '{text}'");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
