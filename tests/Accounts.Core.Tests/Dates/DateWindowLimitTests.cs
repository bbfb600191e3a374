using Accounts.Core.Dates;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.Dates;

/// <summary>The maximum window: Zoqq allows 31 days of transactions and 7 days of balance history.</summary>
public sealed class DateWindowLimitTests
{
    private static DateTimeOffset Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    private static DomainException Refused(string from, string to, int maxDays = 31) =>
        Assert.Throws<DomainException>(() => DateWindowParser.Parse(from, to, maxDays));

    [Fact]
    public void Thirty_one_days_is_the_limit_for_transactions()
    {
        var window = DateWindowParser.Parse("2025-04-01", "2025-05-01", 31);
        Assert.Equal(TimeSpan.FromDays(31), window.To - window.From);

        var error = Refused("2025-04-01", "2025-05-02");
        Assert.Equal("to_date", error.Field);
        Assert.Equal("date range must not exceed 31 days", error.Message);
    }

    [Fact]
    public void Seven_days_is_the_limit_for_balance_history()
    {
        Assert.Equal(TimeSpan.FromDays(7), DateWindowParser.Parse("2025-04-01", "2025-04-07", 7).To - Utc(2025, 4, 1));
        Assert.Equal("date range must not exceed 7 days", Refused("2025-04-01", "2025-04-08", 7).Message);
    }

    [Fact]
    public void The_limit_applies_to_date_times_to_the_tick()
    {
        // The last instant of day 31 is inside the limit; midnight after it is one tick beyond (to is inclusive).
        Assert.NotNull(DateWindowParser.Parse("2025-04-01T00:00:00Z", "2025-05-01T23:59:59.9999999Z", 31).To);
        Refused("2025-04-01T00:00:00Z", "2025-05-02T00:00:00Z");
    }

    [Fact]
    public void The_limit_is_measured_in_utc_across_offsets()
    {
        // 00:00 at +08:00 is 16:00 UTC the day before; 31 days later at 23:59:59 UTC is more than 31 days after it.
        Refused("2025-04-01T00:00:00+08:00", "2025-05-01T23:59:59Z");
        Assert.NotNull(DateWindowParser.Parse("2025-04-01T00:00:00+08:00", "2025-05-01T15:59:59Z", 31).From);
    }
}
