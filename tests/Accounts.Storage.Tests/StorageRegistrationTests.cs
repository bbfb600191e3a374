using Accounts.Core.Accounts;
using Accounts.Core.Claims;
using Accounts.Core.Ledger;
using Accounts.Core.Tenancy;
using Accounts.Storage.Ledger;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Accounts.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StorageRegistrationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("from-storage", "from-webjobs", "from-storage")]
    [InlineData(null, "from-webjobs", "from-webjobs")]
    [InlineData(null, null, TableStorageOptions.DevelopmentStorage)]
    public void The_connection_string_falls_back_from_storage_to_webjobs_to_azurite(string? storage, string? webJobs, string expected)
    {
        using var provider = Provider(new() { ["Storage:ConnectionString"] = storage, ["AzureWebJobsStorage"] = webJobs });

        Assert.Equal(expected, provider.GetRequiredService<IOptions<TableStorageOptions>>().Value.ConnectionString);
    }

    [Fact]
    public void A_table_endpoint_replaces_the_connection_string_fallbacks()
    {
        using var provider = Provider(new()
        {
            ["Storage:TableEndpoint"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage"] = "from-webjobs",
        });

        var options = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), options.TableEndpoint);
    }

    [Theory]
    [InlineData("https://acct.table.core.windows.net", "from-storage", "not both")]
    [InlineData("acct.table.core.windows.net", null, "Storage:TableEndpoint")]
    [InlineData("ftp://acct.table.core.windows.net", null, "Storage:TableEndpoint")]
    public void A_table_endpoint_must_be_an_http_uri_given_without_a_connection_string(string endpoint, string? connectionString, string message)
    {
        using var provider = Provider(new() { ["Storage:TableEndpoint"] = endpoint, ["Storage:ConnectionString"] = connectionString });

        var error = Assert.Throws<FormatException>(() => provider.GetRequiredService<IOptions<TableStorageOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HeadRows.Shared)]
    [InlineData("keyed", HeadRows.Keyed)]
    [InlineData("KeyedOnly", HeadRows.KeyedOnly)]
    public void Ledger_heads_are_shared_unless_set(string? value, HeadRows expected)
    {
        using var provider = Provider(new() { [LedgerLayout.Setting] = value });

        Assert.Equal(expected, provider.GetRequiredService<LedgerLayout>().Heads);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1")]
    [InlineData("keyed-only")]
    public void An_unknown_ledger_heads_value_is_refused_naming_the_setting(string value)
    {
        var error = Assert.Throws<FormatException>(() => Provider(new() { [LedgerLayout.Setting] = value }));

        Assert.Contains("Ledger:Heads must be Shared, Keyed, KeyedOnly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_storage_means_azurite_on_its_default_table_port()
    {
        var tables = new StorageTables(new TableStorageOptions { TablePrefix = "abc1" });

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/abc1Ledger", tables.Ledger.Client.Uri.ToString());
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("ab-c")]
    [InlineData("ab_c")]
    public void Invalid_table_prefixes_are_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new StorageTables(new TableStorageOptions { TablePrefix = prefix }));
    }

    [Fact]
    public async Task Registered_stores_work_after_the_tables_are_ensured()
    {
        using var provider = Provider(new()
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
        });
        var initializer = provider.GetRequiredService<ITableInitializer>();

        await initializer.EnsureTablesAsync();
        await initializer.EnsureTablesAsync();

        Assert.Same(provider.GetRequiredService<ILedgerStore>(), provider.GetRequiredService<ILedgerStore>());
        Assert.NotNull(provider.GetRequiredService<IAccountStore>());
        Assert.NotNull(provider.GetRequiredService<IClaimStore>());
        Assert.NotNull(provider.GetRequiredService<ITokenStore>());
        var tenants = provider.GetRequiredService<ITenantStore>();
        await tenants.InsertAsync(new TenantRecord("t", "n", "p", "pa", "LIVE", "h", "w", [], DateTimeOffset.UnixEpoch), CancellationToken.None);
        Assert.Equal("n", (await tenants.GetAsync("t", CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task Failures_other_than_conflicts_are_thrown_not_reported_as_conflicts()
    {
        // Tables never created: every write answers 404, which must surface rather than read as "someone else won".
        using var provider = Provider(new()
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
        });
        var ledger = provider.GetRequiredService<ILedgerStore>();
        var empty = new BookSnapshot("b", BookHead.Empty, null, new Dictionary<string, BookBalance>(),
            new Dictionary<string, ReferenceRecord>());

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(
            () => ledger.TryCommitAsync(empty, LedgerData.Credit(empty, "r", 1, LedgerData.T0), CancellationToken.None));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddAccountsStorage(configuration).BuildServiceProvider();
    }
}
