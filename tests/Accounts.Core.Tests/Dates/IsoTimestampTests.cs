using Accounts.Core.Dates;

namespace Accounts.Core.Tests.Dates;

public sealed class IsoTimestampTests
{
    [Theory]
    [InlineData("2025-04-09T10:12:37Z", "2025-04-09T10:12:37.0000000+00:00")]
    [InlineData("2025-04-09T10:12:37+08:00", "2025-04-09T02:12:37.0000000+00:00")]
    [InlineData("2025-04-09T10:12:37+0800", "2025-04-09T02:12:37.0000000+00:00")] // the seed's compact offset
    [InlineData("2025-04-09T10:12:37+0000", "2025-04-09T10:12:37.0000000+00:00")]
    [InlineData("2025-04-09T10:12:37-05:30", "2025-04-09T15:42:37.0000000+00:00")]
    [InlineData("2025-04-09T10:12:37", "2025-04-09T10:12:37.0000000+00:00")] // no offset means UTC
    [InlineData("2025-04-09T10:12", "2025-04-09T10:12:00.0000000+00:00")]
    [InlineData("2025-04-09T10:12:37.5Z", "2025-04-09T10:12:37.5000000+00:00")]
    [InlineData("2025-09-26T10:54:11.7017025Z", "2025-09-26T10:54:11.7017025+00:00")] // seed 003's 7 digits
    [InlineData("2025-09-26T10:54:11.701702599Z", "2025-09-26T10:54:11.7017025+00:00")] // nanoseconds truncate
    [InlineData("2025-01-01T02:00:00+14:00", "2024-12-31T12:00:00.0000000+00:00")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00")]
    public void Date_times_are_read_as_utc_instants(string text, string expectedRoundTrip)
    {
        Assert.True(IsoTimestamp.TryParse(text, out var value));

        Assert.False(value.IsDateOnly);
        Assert.Equal(TimeSpan.Zero, value.Instant.Offset);
        Assert.Equal(expectedRoundTrip, value.Instant.ToString("O"));
    }

    [Fact]
    public void A_date_is_midnight_utc_of_that_day()
    {
        Assert.True(IsoTimestamp.TryParse("2025-04-09", out var value));

        Assert.True(value.IsDateOnly);
        Assert.Equal(new DateTimeOffset(2025, 4, 9, 0, 0, 0, TimeSpan.Zero), value.Instant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-4-9")]
    [InlineData("2025/04/09")]
    [InlineData("09-04-2025")]
    [InlineData("20250409")]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-29")] // not a leap year
    [InlineData("2025-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2025-04-09T24:00:00Z")]
    [InlineData("2025-04-09T10:60:00Z")]
    [InlineData("2025-04-09T10:12:60Z")] // leap seconds are not representable
    [InlineData("2025-04-09T10:12:37+15:00")]
    [InlineData("2025-04-09T10:12:37+14:01")]
    [InlineData("2025-04-09T10:12:37+08:60")]
    [InlineData("2025-04-09T10:12:37+8")]
    [InlineData("2025-04-09T10:12:37 08:00")] // what an unencoded '+' becomes in a query string
    [InlineData("2025-04-09 10:12:37")]
    [InlineData("2025-04-09T10:12:37.Z")]
    [InlineData("2025-04-09T10:12:37.1234567890Z")]
    [InlineData("2025-04-09T10:12:37ZZ")]
    [InlineData("2025-04-09\n")]
    [InlineData(" 2025-04-09")]
    [InlineData("２０２５-04-09")] // full-width digits
    [InlineData("0001-01-01T00:00:00+01:00")] // before DateTimeOffset.MinValue in UTC
    [InlineData("9999-12-31T23:59:59-01:00")] // after DateTimeOffset.MaxValue in UTC
    public void Anything_else_is_refused(string text) => Assert.False(IsoTimestamp.TryParse(text, out _));

    [Fact]
    public void Null_is_refused() => Assert.False(IsoTimestamp.TryParse(null, out _));
}
