namespace Accounts.Core.Dates;

/// <summary>
/// A time filter: <see cref="From"/> inclusive, <see cref="To"/> exclusive, both held in UTC (offset zero) so they
/// compare and store the same way as entry times. A missing bound is unbounded; <see cref="IsOpen"/> when both are.
/// Invariant: when both are present, From &lt; To (an empty window is a caller error, not a query for nothing).
/// </summary>
public sealed record DateWindow(DateTimeOffset? From, DateTimeOffset? To)
{
    public static DateWindow Open { get; } = new(null, null);

    public DateTimeOffset? From { get; init; } = From?.ToUniversalTime();

    public DateTimeOffset? To { get; init; } = To is { } to && From is { } from && to <= from
        ? throw new ArgumentException($"window end {to:O} must be after its start {from:O}", nameof(To))
        : To?.ToUniversalTime();

    public bool IsOpen => From is null && To is null;

    public bool Contains(DateTimeOffset instant) => (From is null || instant >= From) && (To is null || instant < To);
}
