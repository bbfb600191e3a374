using Azure.Core;
using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>The service's tables, named with the optional prefix. One instance per process; the clients are thread-safe.</summary>
public sealed class StorageTables
{
    public StorageTables(TableStorageOptions options, Func<TokenCredential>? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.TablePrefix ?? string.Empty;
        if (prefix.Length > 0 && (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 40))
        {
            throw new ArgumentException("TablePrefix must be letters and digits, start with a letter and be at most 40 long", nameof(options));
        }

        StorageRequests.Validate(options);

        // Two service clients with separate pipelines, so no retry policy can reach a call that must not be repeated;
        // one credential for both, so its token cache is shared.
        TokenCredential? shared = null;
        Func<TokenCredential> oneCredential = () => shared ??= (credential ?? StorageClients.DefaultCredential)();
        var safe = StorageClients.Create(options, StorageRequests.Safe(options), oneCredential);
        var once = StorageClients.Create(options, StorageRequests.Once(options), oneCredential);
        StorageTable Table(string name) =>
            new(safe.GetTableClient(prefix + name), once.GetTableClient(prefix + name), options.OperationTimeout);

        Service = safe;
        Ledger = Table("Ledger");
        Accounts = Table("Accounts");
        AccountIndex = Table("AccountIndex");
        AccountChanges = Table("AccountChanges");
        AccountNumbers = Table("AccountNumbers");
        Tenants = Table("Tenants");
        ApiKeys = Table("ApiKeys");
        Tokens = Table("Tokens");
        Claims = Table("Claims");
        Deposits = Table("Deposits");
        DepositOutbox = Table("DepositOutbox");
        Entities = Table("Entities");
        NumberPools = Table("NumberPools");
        ExpiryIndex = Table("ExpiryIndex");
        Notifications = Table("Notifications"); // endpoints, events, deliveries
        NotificationDue = Table("NotificationDue");
        All = [Ledger, Accounts, AccountIndex, AccountChanges, AccountNumbers, Tenants, ApiKeys, Tokens, Claims, Deposits, DepositOutbox, Entities, NumberPools, ExpiryIndex,
            Notifications, NotificationDue];
    }

    /// <summary>The retrying service client (the account the tables live in).</summary>
    public TableServiceClient Service { get; }

    public StorageTable Ledger { get; }

    public StorageTable Accounts { get; }

    public StorageTable AccountIndex { get; }

    public StorageTable AccountChanges { get; }

    public StorageTable AccountNumbers { get; }

    public StorageTable Tenants { get; }

    public StorageTable ApiKeys { get; }

    public StorageTable Tokens { get; }

    public StorageTable Claims { get; }

    public StorageTable Deposits { get; }

    public StorageTable DepositOutbox { get; }

    public StorageTable Entities { get; }

    public StorageTable NumberPools { get; }

    public StorageTable ExpiryIndex { get; }

    public StorageTable Notifications { get; }

    public StorageTable NotificationDue { get; }

    public IReadOnlyList<StorageTable> All { get; }
}
