using Accounts.Core.Deposits;
using Accounts.Storage.Deposits;
using Accounts.TestSupport;
using Azure.Data.Tables;

namespace Accounts.Storage.Tests;

/// <summary>Deposits:OutboxRowEvents above 1: events added together share outbox rows, each row removed once all its events are.</summary>
public sealed class DepositOutboxSharedRowTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 30, TimeSpan.Zero);

    private static DepositOutboxEntry Entry(string reference, int tick) =>
        new DepositOutboxEntry($"tenant|{tick % 3}", reference, DepositEventType.Settled, T0.AddTicks(tick)) { DueAt = T0.AddTicks(tick).AddSeconds(30) };

    private static List<DepositOutboxEntry> Entries(int count, string prefix = "shared") =>
        Enumerable.Range(0, count).Select(i => Entry($"{prefix}-{i}", i)).ToList();

    [Fact]
    public async Task Events_added_together_share_rows_and_each_is_due_with_its_own_keys_and_times()
    {
        var outbox = new TableDepositOutbox(Tables, 8);
        var entries = Entries(16);

        await Task.WhenAll(entries.Select(e => outbox.AddAsync(e, Ct)));

        var rows = await RowsAsync();
        Assert.InRange(rows.Count, 2, 15); // at most 8 a row
        Assert.Contains(rows, r => r.ContainsKey("Events"));
        Assert.Empty(await outbox.DueAsync(T0.AddSeconds(29), 100, Ct));
        var due = await outbox.DueAsync(T0.AddMinutes(1), 100, Ct);
        Assert.Equal(entries, due.OrderBy(e => e.ReceivedAt));
    }

    [Fact]
    public async Task A_shared_row_stays_until_every_event_in_it_is_removed()
    {
        var outbox = new TableDepositOutbox(Tables, 32);
        var entries = Entries(12);
        await Task.WhenAll(entries.Select(e => outbox.AddAsync(e, Ct)));
        var shared = (await RowsAsync()).First(r => r.ContainsKey("Events")); // twelve at once: at most two write alone
        var last = entries.Last(e => shared.GetString("Events").Contains($"\"{e.Reference}\"", StringComparison.Ordinal));

        // Every event but one of the shared row: every other row goes, the shared one stays for its last event.
        await Task.WhenAll(entries.Where(e => e != last).Select(e => outbox.RemoveAsync(e, Ct)));
        var holder = Assert.Single(await RowsAsync());
        Assert.Equal(shared.RowKey, holder.RowKey);

        await outbox.RemoveAsync(last, Ct);
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Another_instance_reads_shared_rows_and_removing_their_events_there_removes_them()
    {
        var writer = new TableDepositOutbox(Tables, 32);
        var entries = Entries(10, "elsewhere");
        await Task.WhenAll(entries.Select(e => writer.AddAsync(e, Ct)));

        await Task.WhenAll(entries.Take(4).Select(e => writer.RemoveAsync(e, Ct))); // queued; the others' sends failed

        var sweeper = new TableDepositOutbox(Tables); // one event per row for its own writes, but reads shared rows
        var due = await sweeper.DueAsync(T0.AddMinutes(1), 100, Ct);
        Assert.Equal(entries.Count, due.Count); // a shared row lists every event it was written with
        Assert.Subset(due.ToHashSet(), entries.Skip(4).ToHashSet());
        foreach (var entry in due)
        {
            await sweeper.RemoveAsync(entry, Ct);
        }

        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task An_event_added_alone_gets_the_single_event_row_every_version_reads()
    {
        var outbox = new TableDepositOutbox(Tables, 32);
        var entry = Entry("alone", 0);

        await outbox.AddAsync(entry, Ct);

        var row = Assert.Single(await RowsAsync());
        Assert.False(row.ContainsKey("Events"));
        Assert.Equal(("tenant|0", "alone"), (row.GetString("TenantId"), row.GetString("Reference")));
        await outbox.RemoveAsync(entry, Ct);
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task A_shared_row_is_due_once_its_latest_event_is()
    {
        var outbox = new TableDepositOutbox(Tables, 32);
        var entries = Enumerable.Range(0, 12)
            .Select(i => new DepositOutboxEntry("tenant|0", $"due-{i}", DepositEventType.Settled, T0) { DueAt = T0.AddSeconds(30 + i) })
            .ToList();
        await Task.WhenAll(entries.Select(e => outbox.AddAsync(e, Ct)));
        var shared = (await RowsAsync()).First(r => r.ContainsKey("Events"));
        var latest = entries.Where(e => shared.GetString("Events").Contains($"\"{e.Reference}\"", StringComparison.Ordinal)).Max(e => e.DueAt);

        var before = await outbox.DueAsync(latest.AddTicks(-1), 100, Ct);
        var at = await outbox.DueAsync(latest, 100, Ct);

        Assert.DoesNotContain(before, e => shared.GetString("Events").Contains($"\"{e.Reference}\"", StringComparison.Ordinal));
        Assert.Contains(at, e => e.DueAt == latest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void Events_per_row_must_be_1_to_32(int events) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new TableDepositOutbox(Tables, events));

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Tables.DepositOutbox.Client.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
