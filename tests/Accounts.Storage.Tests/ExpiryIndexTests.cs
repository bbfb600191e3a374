using Accounts.Core.NubanAccounts;
using Accounts.Storage.NubanAccounts;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class ExpiryIndexTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 30, TimeSpan.Zero);

    private TableExpiryIndex Index => new(Tables);

    [Fact]
    public async Task Due_reads_only_rows_whose_time_has_passed_earliest_first_with_exact_times()
    {
        var late = new ExpiryEntry("t1", "late", T0.AddMinutes(10));
        var sameMinute = new ExpiryEntry("t1", "same-minute", T0.AddSeconds(29.1234567));
        var first = new ExpiryEntry("t|2", "first", T0.AddMinutes(-5));
        foreach (var entry in new[] { late, sameMinute, first })
        {
            await Index.AddAsync(entry, Ct);
        }

        Assert.Equal([first], await Index.DueAsync(T0, 100, Ct));
        Assert.Equal([first, sameMinute], await Index.DueAsync(T0.AddSeconds(30), 100, Ct));
        Assert.Equal([first], await Index.DueAsync(T0.AddSeconds(30), 1, Ct));
        Assert.Equal([first, sameMinute, late], await Index.DueAsync(T0.AddMinutes(10).AddTicks(1), 100, Ct));
    }

    [Fact]
    public async Task Adding_and_removing_twice_is_harmless()
    {
        var entry = new ExpiryEntry("t1", "a1", T0);
        await Index.AddAsync(entry, Ct);
        await Index.AddAsync(entry, Ct);
        Assert.Empty(await Index.DueAsync(T0, 100, Ct)); // due only once its time has passed
        Assert.Equal([entry], await Index.DueAsync(T0.AddTicks(1), 100, Ct));

        await Index.RemoveAsync(entry, Ct);
        await Index.RemoveAsync(entry, Ct);

        Assert.Empty(await Index.DueAsync(T0.AddDays(1), 100, Ct));
    }

    [Fact]
    public async Task Rows_not_yet_due_in_the_current_minute_never_hide_due_ones()
    {
        for (var i = 0; i < 5; i++)
        {
            await Index.AddAsync(new ExpiryEntry("t0", $"later-{i}", T0.AddSeconds(20)), Ct);
        }

        var due = new ExpiryEntry("t9", "due", T0.AddSeconds(-10));
        await Index.AddAsync(due, Ct);

        Assert.Equal([due], await Index.DueAsync(T0, 2, Ct));
    }

    [Fact]
    public void Minute_keys_sort_in_time_order()
    {
        Assert.Equal("202603011000", TableExpiryIndex.MinuteKey(T0));
        Assert.Equal("202603010959", TableExpiryIndex.MinuteKey(T0.ToOffset(TimeSpan.FromHours(1)).AddMinutes(-1)));
    }
}
