using Accounts.Core.Dates;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.Dates;

public sealed class DateWindowParserTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0, int s = 0) => new(y, m, d, h, min, s, TimeSpan.Zero);

    private static DomainException Refused(string? from, string? to, int maxDays = 31) =>
        Assert.Throws<DomainException>(() => DateWindowParser.Parse(from, to, maxDays));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void No_dates_give_an_open_window(string? from, string? to)
    {
        var window = DateWindowParser.Parse(from, to, 31);

        Assert.True(window.IsOpen);
        Assert.Null(window.From);
        Assert.Null(window.To);
    }

    [Fact]
    public void Dates_cover_whole_days_from_midnight_to_the_midnight_after_the_to_date()
    {
        var window = DateWindowParser.Parse("2025-04-01", "2025-04-30", 31);

        Assert.False(window.IsOpen);
        Assert.Equal(Utc(2025, 4, 1), window.From);
        Assert.Equal(Utc(2025, 5, 1), window.To);
        Assert.True(window.Contains(Utc(2025, 4, 30, 23, 59, 59).AddTicks(9_999_999)));
        Assert.False(window.Contains(Utc(2025, 5, 1)));
        Assert.False(window.Contains(Utc(2025, 4, 1).AddTicks(-1)));
    }

    [Fact]
    public void The_same_date_twice_is_that_one_day() =>
        Assert.Equal(new DateWindow(Utc(2025, 4, 9), Utc(2025, 4, 10)), DateWindowParser.Parse("2025-04-09", "2025-04-09", 1));

    [Fact]
    public void A_to_date_time_includes_that_instant_and_nothing_after()
    {
        var window = DateWindowParser.Parse("2025-04-09T10:12:37+08:00", "2025-04-09T10:12:37+0800", 31);

        Assert.Equal(Utc(2025, 4, 9, 2, 12, 37), window.From);
        Assert.Equal(Utc(2025, 4, 9, 2, 12, 37).AddTicks(1), window.To);
        Assert.True(window.Contains(Utc(2025, 4, 9, 2, 12, 37)));
        Assert.False(window.Contains(Utc(2025, 4, 9, 2, 12, 37).AddTicks(1)));
    }

    [Fact]
    public void Dates_and_date_times_can_be_mixed()
    {
        var window = DateWindowParser.Parse("2025-04-01T12:00:00Z", "2025-04-02", 31);

        Assert.Equal(Utc(2025, 4, 1, 12), window.From);
        Assert.Equal(Utc(2025, 4, 3), window.To);
    }

    [Theory]
    [InlineData("2025-04-01", null, "to_date")]
    [InlineData(null, "2025-04-30", "from_date")]
    [InlineData("", "2025-04-30", "from_date")]
    public void One_date_alone_is_refused_naming_the_missing_one(string? from, string? to, string missing)
    {
        var error = Refused(from, to);

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(missing, error.Field);
        Assert.Contains("together", error.Message);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Field_names_follow_the_dialect()
    {
        var error = Assert.Throws<DomainException>(() => DateWindowParser.Parse("01/04/2025", "2025-04-02", 31, "startDate", "endDate"));

        Assert.Equal("startDate", error.Field);
        Assert.Contains("yyyy-MM-dd", error.Message);
    }

    [Theory]
    [InlineData("2025-04-31", "2025-05-01", "from_date")]
    [InlineData("2025-04-01", "yesterday", "to_date")]
    [InlineData("2025-04-01", "2025-04-09T10:12:37 08:00", "to_date")]
    public void Unparseable_values_are_refused_naming_the_field_and_the_formats(string from, string to, string field)
    {
        var error = Refused(from, to);

        Assert.Equal(field, error.Field);
        Assert.Contains(IsoTimestamp.AcceptedFormats, error.Message);
    }

    [Theory]
    [InlineData("2025-04-02", "2025-04-01")]
    [InlineData("2025-04-02T00:00:00Z", "2025-04-01")] // after the whole of the to-date
    [InlineData("2025-04-01T10:00:00.0000001Z", "2025-04-01T10:00:00Z")]
    [InlineData("2025-04-01T10:00:00+01:00", "2025-04-01T09:59:59+02:00")] // compared as instants, not as text
    public void From_after_to_is_refused(string from, string to)
    {
        var error = Refused(from, to);

        Assert.Equal("from_date", error.Field);
        Assert.Contains("after", error.Message);
    }

    [Fact]
    public void The_window_is_seen_in_utc_even_when_given_with_an_offset()
    {
        var window = DateWindowParser.Parse("2025-05-07T12:13:24+0800", "2025-05-07T23:00:00+0800", 7);

        Assert.Equal(TimeSpan.Zero, window.From!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, window.To!.Value.Offset);
    }

    [Fact]
    public void A_to_date_at_the_end_of_time_is_refused_not_crashed()
    {
        var error = Assert.Throws<DomainException>(() => DateWindowParser.Parse("9999-12-30", "9999-12-31", 31));
        Assert.Equal("to_date", error.Field);
    }

    [Fact]
    public void A_non_positive_limit_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DateWindowParser.Parse(null, null, 0));
}
