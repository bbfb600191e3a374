using Accounts.Core.Caching;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Caching;

public sealed class RecentValuesTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_value_is_kept_until_the_bound_has_passed()
    {
        var values = new RecentValues<string, string>(TimeSpan.FromSeconds(2), 10, _clock);
        values.RememberRead("k", "v", values.BeforeRead());

        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.True(values.TryGet("k", out var kept));
        Assert.Equal("v", kept);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(values.TryGet("k", out _));
    }

    [Fact]
    public void A_read_under_way_while_a_value_is_written_here_does_not_put_back_what_it_read()
    {
        var values = new RecentValues<string, string>(TimeSpan.FromMinutes(1), 10, _clock);
        var before = values.BeforeRead();
        values.Remember("k", "written");
        values.RememberRead("k", "read before the write", before);

        Assert.True(values.TryGet("k", out var kept));
        Assert.Equal("written", kept);
    }

    [Fact]
    public void A_read_under_way_while_a_value_is_forgotten_here_keeps_nothing()
    {
        var values = new RecentValues<string, string>(TimeSpan.FromMinutes(1), 10, _clock);
        var before = values.BeforeRead();
        values.Forget("k");
        values.RememberRead("k", "read before the change", before);

        Assert.False(values.TryGet("k", out _));
    }

    [Fact]
    public void A_zero_bound_keeps_nothing_and_an_infinite_one_keeps_for_ever()
    {
        var none = new RecentValues<string, string>(TimeSpan.Zero, 10, _clock);
        none.Remember("k", "v");
        Assert.False(none.TryGet("k", out _));

        var always = new RecentValues<string, string>(Timeout.InfiniteTimeSpan, 10, _clock);
        always.Remember("k", "v");
        _clock.Advance(TimeSpan.FromDays(3650));
        Assert.True(always.TryGet("k", out _));
    }

    [Fact]
    public void When_full_it_starts_over()
    {
        var values = new RecentValues<int, int>(TimeSpan.FromMinutes(1), 3, _clock);
        foreach (var i in Enumerable.Range(0, 3))
        {
            values.Remember(i, i);
        }

        values.Remember(3, 3);

        Assert.Equal([false, false, false, true], Enumerable.Range(0, 4).Select(i => values.TryGet(i, out _)));
    }
}
