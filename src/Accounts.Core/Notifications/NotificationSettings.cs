namespace Accounts.Core.Notifications;

/// <summary>
/// Timing of notifications. <see cref="RetryDelays"/> are the waits after each failed attempt (then the delivery is
/// Failed); each is stretched or shrunk at random by up to <see cref="Jitter"/> so endpoints that failed together are not
/// retried together. <see cref="Grace"/> is how long due work may wait for its own process before the sweeper takes it;
/// <see cref="Lease"/> is how long an attempt holds its delivery (longer than the 10 s request timeout).
/// </summary>
public sealed record NotificationSettings(IReadOnlyList<TimeSpan> RetryDelays, double Jitter, TimeSpan Grace, TimeSpan Lease)
{
    /// <summary>5 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, then 12 h five times: 13 attempts over about three days.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(12), TimeSpan.FromHours(12),
        TimeSpan.FromHours(12), TimeSpan.FromHours(12),
    ];

    public static NotificationSettings Default { get; } = new(DefaultRetryDelays, 0.2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));

    /// <summary>The wait after failed attempt number <paramref name="step"/> + 1, or null when the schedule is over.</summary>
    public TimeSpan? RetryDelay(int step, Random random)
    {
        if (step < 0 || step >= RetryDelays.Count)
        {
            return null;
        }

        var factor = 1 + Jitter * (2 * random.NextDouble() - 1);
        return TimeSpan.FromTicks((long)(RetryDelays[step].Ticks * factor));
    }
}
