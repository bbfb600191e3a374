using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

/// <summary>The service's tables, named with the optional prefix. One instance per process; CloudTable is thread-safe.</summary>
public sealed class StorageTables
{
    public StorageTables(TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = options.TablePrefix ?? string.Empty;
        if (prefix.Length > 0 && (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 40))
        {
            throw new ArgumentException("TablePrefix must be letters and digits, start with a letter and be at most 40 long", nameof(options));
        }

        var client = CloudStorageAccount.Parse(options.ConnectionString).CreateCloudTableClient();
        client.DefaultRequestOptions = StorageRequests.Defaults(options);
        CloudTable Table(string name) => client.GetTableReference(prefix + name);

        Ledger = Table("Ledger");
        Accounts = Table("Accounts");
        AccountIndex = Table("AccountIndex");
        AccountNumbers = Table("AccountNumbers");
        Tenants = Table("Tenants");
        ApiKeys = Table("ApiKeys");
        Tokens = Table("Tokens");
        Idempotency = Table("Idempotency");
        Claims = Table("Claims");
        Deposits = Table("Deposits");
        DepositOutbox = Table("DepositOutbox");
        Entities = Table("Entities");
        NumberPools = Table("NumberPools");
        ExpiryIndex = Table("ExpiryIndex");
        All = [Ledger, Accounts, AccountIndex, AccountNumbers, Tenants, ApiKeys, Tokens, Idempotency, Claims, Deposits, DepositOutbox, Entities, NumberPools, ExpiryIndex];
    }

    public CloudTable Ledger { get; }

    public CloudTable Accounts { get; }

    public CloudTable AccountIndex { get; }

    public CloudTable AccountNumbers { get; }

    public CloudTable Tenants { get; }

    public CloudTable ApiKeys { get; }

    public CloudTable Tokens { get; }

    public CloudTable Idempotency { get; }

    public CloudTable Claims { get; }

    public CloudTable Deposits { get; }

    public CloudTable DepositOutbox { get; }

    public CloudTable Entities { get; }

    public CloudTable NumberPools { get; }
    public CloudTable ExpiryIndex { get; }

    public IReadOnlyList<CloudTable> All { get; }
}
