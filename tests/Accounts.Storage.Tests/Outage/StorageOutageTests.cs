using System.Diagnostics;
using Accounts.Core.Ledger;
using Accounts.Storage.Emulator;
using Accounts.Storage.Ledger;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Azure;
using Azure.Data.Tables;

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
    public async Task A_read_whose_retry_is_cut_short_by_the_operation_timeout_is_an_outage()
    {
        // The first attempt times out (1 s) and the retry is still waiting when the operation's bound (1.5 s) ends it:
        // the client reports both attempts together, one of them a plain cancellation. Seen as a 500 under load.
        await using var server = StubTableServer.Silent();
        var options = new TableStorageOptions
        {
            ConnectionString = server.ConnectionString,
            AttemptTimeout = TimeSpan.FromSeconds(1),
            OperationTimeout = TimeSpan.FromSeconds(1.5),
        };
        var tables = new StorageTables(options);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.GetAsync("p", "r", CancellationToken.None));

        Assert.IsType<TimeoutException>(error);
        Assert.True(StorageOutage.Is(error), error.ToString());
    }

    [Fact]
    public async Task A_conditional_write_to_a_server_that_never_answers_ends_at_the_operation_timeout()
    {
        await using var server = StubTableServer.Silent();
        var tables = Tables(server.ConnectionString, ShortTimeout);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => tables.Accounts.InsertNewAsync(Row("r"), "row", CancellationToken.None));

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
        var ledger = new TableLedgerStore(tables);
        var empty = new BookSnapshot("b", BookHead.Empty, null, new Dictionary<string, BookBalance>(),
            new Dictionary<string, ReferenceRecord>());

        await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.InsertNewAsync(Row("r"), "row", CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => ledger.TryCommitAsync(empty, LedgerData.Credit(empty, "r", 1, LedgerData.T0), CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.ReplaceAsync(Row("r").WithVersion("W/\"1\""), CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.DeleteAsync("p", "r", "W/\"1\"", CancellationToken.None));

        Assert.Equal(4, server.Requests);
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

        var error = await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => tables.Accounts.InsertNewAsync(Row("r"), "row", CancellationToken.None));

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

    [Fact]
    public async Task Unconditional_upserts_and_deletes_are_retried_like_reads()
    {
        await using var server = StubTableServer.Answering(503);
        var tables = Tables(server.ConnectionString);

        await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.UpsertAsync(Row("r"), CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => tables.Accounts.DeleteAsync("p", "r", version: null, CancellationToken.None));

        Assert.Equal(2 * (1 + new TableStorageOptions().SafeRetries), server.Requests);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_an_outage()
    {
        await using var server = StubTableServer.Silent();
        var tables = Tables(server.ConnectionString);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tables.Accounts.GetAsync("p", "r", cancel.Token));

        Assert.False(StorageOutage.Is(error), error.ToString());
    }

    [Fact]
    public void Outage_statuses_and_transport_failures_are_outages_and_other_statuses_are_not()
    {
        Assert.True(StorageOutage.Is(new RequestFailedException(0, "no response")));
        Assert.True(StorageOutage.Is(new RequestFailedException(408, "timeout")));
        Assert.True(StorageOutage.Is(new RequestFailedException(429, "throttled")));
        Assert.True(StorageOutage.Is(new RequestFailedException(503, "busy")));
        Assert.True(StorageOutage.Is(new AggregateException(new RequestFailedException(503, "a"), new RequestFailedException(500, "b"))));
        Assert.True(StorageOutage.Is(new TaskCanceledException("attempt", new TimeoutException("network timeout"))));
        Assert.False(StorageOutage.Is(new RequestFailedException(404, "no table")));
        Assert.False(StorageOutage.Is(new RequestFailedException(400, "bad request")));
        Assert.False(StorageOutage.Is(new TaskCanceledException("caller gave up")));
    }

    private static TableEntity Row(string rowKey) => new("p", rowKey) { ["Amount"] = 1L };

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
