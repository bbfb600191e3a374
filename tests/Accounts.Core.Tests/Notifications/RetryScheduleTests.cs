using Accounts.Core.Notifications;

namespace Accounts.Core.Tests.Notifications;

public sealed class RetryScheduleTests
{
    [Fact]
    public void The_default_schedule_backs_off_exponentially_and_retries_for_about_three_days()
    {
        var delays = NotificationSettings.DefaultRetryDelays;

        Assert.Equal([5, 30, 120, 600], delays.Take(4).Select(d => d.TotalSeconds));
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        var total = delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        Assert.InRange(total, TimeSpan.FromDays(2.75), TimeSpan.FromDays(3.25));
    }

    [Fact]
    public void Jitter_stays_within_its_bound_and_the_schedule_ends()
    {
        var settings = NotificationSettings.Default;
        var random = new Random(7);

        var samples = Enumerable.Range(0, 500).Select(_ => settings.RetryDelay(0, random)!.Value.TotalSeconds).ToList();

        Assert.All(samples, s => Assert.InRange(s, 4.0, 6.0));
        Assert.True(samples.Distinct().Count() > 100, "the delays are jittered");
        Assert.Null(settings.RetryDelay(settings.RetryDelays.Count, random));
        Assert.NotNull(settings.RetryDelay(settings.RetryDelays.Count - 1, random));
    }
}
