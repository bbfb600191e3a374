using Accounts.Core.Deposits;
using Accounts.Storage.Deposits;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class DepositOutboxTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 30, TimeSpan.Zero);

    private TableDepositOutbox Outbox => new(Tables);

    private static DepositOutboxEntry Entry(string reference, DateTimeOffset receivedAt, TimeSpan grace) =>
        new DepositOutboxEntry("tenant|1", reference, DepositEventType.Settled, receivedAt) { DueAt = receivedAt + grace };

    [Fact]
    public async Task Due_reads_only_rows_whose_due_time_has_passed_oldest_arrival_first_with_exact_times()
    {
        var grace = TimeSpan.FromSeconds(30);
        var late = Entry("late", T0.AddMinutes(1), grace);
        var second = Entry("second", T0.AddTicks(1234567), grace);
        var first = Entry("first", T0.AddMinutes(-5), grace);
        foreach (var entry in new[] { late, second, first })
        {
            await Outbox.AddAsync(entry, Ct);
        }

        Assert.Empty(await Outbox.DueAsync(T0.AddMinutes(-5), 100, Ct));
        Assert.Equal([first], await Outbox.DueAsync(T0.AddSeconds(30), 100, Ct)); // second is due 0.1234567 s later
        Assert.Equal([first, second], await Outbox.DueAsync(T0.AddSeconds(31), 100, Ct));
        Assert.Equal([first], await Outbox.DueAsync(T0.AddSeconds(31), 1, Ct));
        Assert.Equal([first, second, late], await Outbox.DueAsync(T0.AddMinutes(2), 100, Ct));
    }

    [Fact]
    public async Task Rows_added_and_removed_together_all_land_even_when_one_removed_row_is_already_gone()
    {
        var outbox = Outbox; // one instance, as the app has, so concurrent writes are grouped
        var entries = Enumerable.Range(0, 40).Select(i => Entry($"together-{i}", T0.AddTicks(i), TimeSpan.Zero)).ToList();

        await Task.WhenAll(entries.Select(e => outbox.AddAsync(e, Ct)));
        Assert.Equal(entries, await outbox.DueAsync(T0.AddDays(1), 100, Ct));

        await outbox.RemoveAsync(entries[7], Ct);
        await Task.WhenAll(entries.Select(e => outbox.RemoveAsync(e, Ct))); // a group holding the gone row fails, then goes row by row

        Assert.Empty(await outbox.DueAsync(T0.AddDays(1), 100, Ct));
    }

    [Fact]
    public async Task Removing_twice_is_harmless_and_does_not_bring_the_row_back()
    {
        var entry = Entry("r", T0, TimeSpan.Zero);
        await Outbox.AddAsync(entry, Ct);

        await Outbox.RemoveAsync(entry, Ct);
        await Outbox.RemoveAsync(entry, Ct);

        Assert.Empty(await Outbox.DueAsync(T0.AddDays(1), 100, Ct));
    }

    [Fact]
    public async Task Rows_not_yet_due_never_hide_due_ones_from_a_limited_read()
    {
        for (var i = 0; i < 5; i++)
        {
            // Earlier arrivals (so first in key order) that are due far ahead.
            await Outbox.AddAsync(Entry($"postponed-{i}", T0.AddMinutes(-10), TimeSpan.FromHours(1)), Ct);
        }

        var due = Entry("due", T0.AddMinutes(-1), TimeSpan.FromSeconds(30));
        await Outbox.AddAsync(due, Ct);

        Assert.Equal([due], await Outbox.DueAsync(T0, 2, Ct));
    }
}
