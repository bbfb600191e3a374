using System.Globalization;
using Accounts.Core.Notifications;

namespace Accounts.Functions.Notifications;

/// <summary>
/// "Notifications" settings. RetryDelays: comma-separated TimeSpans (default <see cref="NotificationSettings.DefaultRetryDelays"/>);
/// AllowLocalHttp: http(s) to 127.0.0.1 allowed (default: only in Development).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public string? RetryDelays { get; set; }

    public double Jitter { get; set; } = 0.2;

    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>No answer within this is a failed attempt (the 10 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this much of an answer is read; the rest is not waited for.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    public bool? AllowLocalHttp { get; set; }

    public bool LocalWorkerEnabled { get; set; } = true;

    public NotificationSettings ToSettings()
    {
        var delays = string.IsNullOrWhiteSpace(RetryDelays)
            ? NotificationSettings.DefaultRetryDelays
            : RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => TimeSpan.TryParse(d, CultureInfo.InvariantCulture, out var delay) && delay > TimeSpan.Zero
                    ? delay
                    : throw new FormatException($"{Section}:RetryDelays has '{d}', not a positive TimeSpan"))
                .ToList();
        return new NotificationSettings(delays, Jitter, Grace, Lease);
    }
}
