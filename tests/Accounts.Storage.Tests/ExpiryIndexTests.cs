using Accounts.Core.NubanAccounts;
using Accounts.Storage.NubanAccounts;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

public sealed class ExpiryIndexTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 30, TimeSpan.Zero);

    private TableExpiryIndex Index => new(Tables);

    [Fact]
    public async Task Due_reads_only_rows_up_to_the_current_minute_earliest_first_with_exact_times()
    {
        var late = new ExpiryEntry("t1", "late", T0.AddMinutes(10));
        var sameMinute = new ExpiryEntry("t1", "same-minute", T0.AddSeconds(29.1234567));
        var first = new ExpiryEntry("t|2", "first", T0.AddMinutes(-5));
        foreach (var entry in new[] { late, sameMinute, first })
        {
            await Index.AddAsync(entry, Ct);
        }

        var due = await Index.DueAsync(T0, 100, Ct);

        Assert.Equal([first, sameMinute], due);
        Assert.Equal([first], await Index.DueAsync(T0, 1, Ct));
        Assert.Equal([first, sameMinute, late], await Index.DueAsync(T0.AddMinutes(10), 100, Ct));
    }

    [Fact]
    public async Task Adding_and_removing_twice_is_harmless()
    {
        var entry = new ExpiryEntry("t1", "a1", T0);
        await Index.AddAsync(entry, Ct);
        await Index.AddAsync(entry, Ct);
        Assert.Equal([entry], await Index.DueAsync(T0, 100, Ct));

        await Index.RemoveAsync(entry, Ct);
        await Index.RemoveAsync(entry, Ct);

        Assert.Empty(await Index.DueAsync(T0.AddDays(1), 100, Ct));
    }

    [Fact]
    public void Minute_keys_sort_in_time_order()
    {
        Assert.Equal("202603011000", TableExpiryIndex.MinuteKey(T0));
        Assert.Equal("202603010959", TableExpiryIndex.MinuteKey(T0.ToOffset(TimeSpan.FromHours(1)).AddMinutes(-1)));
    }
}
