using System.Diagnostics;
using Accounts.Storage.Emulator;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tests.Outage;

/// <summary>
/// Storage calls are bounded in time, retried only when a retry cannot double an effect, and their failures during
/// an outage are recognisable as such (the API answers those with 503).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_read_from_a_closed_port_fails_fast_as_an_outage()
    {
        var port = FreePorts.Take(1)[0];
        var tables = Tables($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.GetAsync("p", "r", CancellationToken.None));

        Assert.True(StorageOutage.Is(error), error.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_read_from_a_server_that_never_answers_ends_at_the_operation_timeout()
    {
        await using var server = StubTableServer.Silent();
        var tables = Tables(server.ConnectionString, ShortTimeout);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.GetAsync("p", "r", CancellationToken.None));

        Assert.True(StorageOutage.Is(error), error.ToString());
        Assert.True(clock.Elapsed < ShortTimeout * 3, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_conditional_write_to_a_server_that_never_answers_ends_at_the_operation_timeout()
    {
        await using var server = StubTableServer.Silent();
        var tables = Tables(server.ConnectionString, ShortTimeout);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => tables.Accounts.InsertNewAsync(new DynamicTableEntity("p", "r"), "row", CancellationToken.None));

        Assert.True(StorageOutage.Is(error), error.ToString());
        Assert.True(clock.Elapsed < ShortTimeout * 3, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Reads_are_retried_a_bounded_number_of_times_on_a_server_error()
    {
        await using var server = StubTableServer.Answering(503);
        var tables = Tables(server.ConnectionString);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.GetAsync("p", "r", CancellationToken.None));

        Assert.True(StorageOutage.Is(error), error.ToString());
        Assert.Equal(1 + new TableStorageOptions().SafeRetries, server.Requests);
    }

    [Fact]
    public async Task Conditional_writes_and_transactions_are_sent_exactly_once()
    {
        await using var server = StubTableServer.Answering(503);
        var tables = Tables(server.ConnectionString);
        var batch = new TableBatchOperation { TableOperation.Insert(new DynamicTableEntity("p", "a")), TableOperation.Insert(new DynamicTableEntity("p", "b")) };

        await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.InsertNewAsync(new DynamicTableEntity("p", "r"), "row", CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => tables.Ledger.ExecuteBatchAsync(batch, TableWrites.Once, null, CancellationToken.None));

        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Refusals_that_are_not_outages_are_not_reported_as_outages()
    {
        // Tables never created: a 404 is a defect or a misconfiguration, not something a retry later would fix.
        var tables = new StorageTables(new TableStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = AzuriteFixture.NewTablePrefix(),
        });

        var error = await Assert.ThrowsAsync<StorageException>(
            () => tables.Accounts.InsertNewAsync(new DynamicTableEntity("p", "r"), "row", CancellationToken.None));

        Assert.False(StorageOutage.Is(error));
        Assert.False(StorageOutage.Is(new InvalidOperationException("not storage at all")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Timeouts_that_are_not_positive_are_refused(int seconds)
    {
        Assert.Throws<ArgumentException>(() => new StorageTables(new TableStorageOptions { OperationTimeout = TimeSpan.FromSeconds(seconds) }));
    }

    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static StorageTables Tables(string connectionString, TimeSpan? timeout = null)
    {
        var options = new TableStorageOptions { ConnectionString = connectionString };
        if (timeout is { } t)
        {
            options.OperationTimeout = t;
            options.AttemptTimeout = t;
        }

        return new StorageTables(options);
    }
}
