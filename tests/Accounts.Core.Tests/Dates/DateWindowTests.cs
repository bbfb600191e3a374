using Accounts.Core.Dates;

namespace Accounts.Core.Tests.Dates;

public sealed class DateWindowTests
{
    [Fact]
    public void Bounds_are_normalised_to_utc()
    {
        var window = new DateWindow(
            new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.FromHours(8)),
            new DateTimeOffset(2025, 4, 2, 8, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero), window.From);
        Assert.Equal(TimeSpan.Zero, window.From!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, window.To!.Value.Offset);
    }

    [Fact]
    public void An_empty_or_inverted_window_cannot_be_built()
    {
        var t = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Throws<ArgumentException>(() => new DateWindow(t, t));
        Assert.Throws<ArgumentException>(() => new DateWindow(t, t.AddTicks(-1)));
        Assert.Throws<ArgumentException>(() => new DateWindow(t, new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void Half_open_windows_are_unbounded_on_the_missing_side()
    {
        var t = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(new DateWindow(t, null).IsOpen);
        Assert.True(new DateWindow(t, null).Contains(DateTimeOffset.MaxValue));
        Assert.False(new DateWindow(null, t).Contains(t));
        Assert.True(DateWindow.Open.Contains(DateTimeOffset.MinValue));
    }
}
