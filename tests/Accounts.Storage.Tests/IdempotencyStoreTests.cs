using Accounts.Core.Errors;
using Accounts.Core.Idempotency;
using Accounts.Storage.Idempotency;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class IdempotencyStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset Started = new(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-5));

    private TableIdempotencyStore Store => new(Tables);

    [Fact]
    public async Task Of_20_parallel_inserts_of_one_key_exactly_one_wins_and_all_see_its_record()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => Store.TryInsertAsync(Record("t", "key/1#") with { OperationId = $"op-{i}" }, Ct))));

        var winner = Assert.Single(results, r => r.Inserted);
        Assert.All(results, r => Assert.Equal(winner.Record.OperationId, r.Record.OperationId));
        Assert.All(results, r => Assert.Equal(winner.Record.Version, r.Record.Version));
    }

    [Fact]
    public async Task A_stored_record_reads_back_exactly()
    {
        var record = Record("t", "k") with { StatusCode = 201, ResponseBody = "{\"id\":\"x\"}" };
        var (inserted, stored) = await Store.TryInsertAsync(record, Ct);
        var (again, existing) = await Store.TryInsertAsync(Record("t", "k") with { OperationId = "other" }, Ct);

        Assert.True(inserted);
        Assert.False(again);
        Assert.Equal(stored, existing);
        Assert.Equal(record with { Version = stored.Version }, existing);
    }

    [Fact]
    public async Task The_same_key_in_another_tenant_or_scope_is_a_different_record()
    {
        Assert.True((await Store.TryInsertAsync(Record("t1", "k"), Ct)).Inserted);
        Assert.True((await Store.TryInsertAsync(Record("t2", "k"), Ct)).Inserted);
        Assert.True((await Store.TryInsertAsync(Record("t1", "k") with { Scope = "other" }, Ct)).Inserted);
        Assert.True((await Store.TryInsertAsync(Record("t1|s", "k") with { Scope = "x" }, Ct)).Inserted);
        Assert.True((await Store.TryInsertAsync(Record("t1", "k") with { Scope = "s|x" }, Ct)).Inserted);
    }

    [Fact]
    public async Task Replace_and_delete_need_the_current_version()
    {
        var (_, started) = await Store.TryInsertAsync(Record("t", "k"), Ct);
        var body = new string('x', 100_000);
        var completed = await Store.ReplaceAsync(started with { StatusCode = 200, ResponseBody = body }, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.ReplaceAsync(started with { StatusCode = 500 }, Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.DeleteAsync(started, Ct));
        var (_, read) = await Store.TryInsertAsync(Record("t", "k"), Ct);
        Assert.Equal(completed, read);
        Assert.Equal(body, read.ResponseBody);

        await Store.DeleteAsync(completed, Ct);
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.DeleteAsync(completed, Ct));
        Assert.True((await Store.TryInsertAsync(Record("t", "k"), Ct)).Inserted);
    }

    private static IdempotencyRecord Record(string tenant, string key) =>
        new(tenant, "s", key, "hash-1", "op-1", Started);
}
