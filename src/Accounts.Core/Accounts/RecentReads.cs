namespace Accounts.Core.Accounts;

/// <summary>
/// How old what a read only shows may be: an account's own fields and which sub-accounts it has, as read or written
/// on this instance. A change made through this instance shows at once; one made through another instance within
/// <see cref="Bound"/>. Balances and entries are always read fresh, and every change decides on a fresh read at its
/// version. A bound of zero reads everything fresh.
/// </summary>
public sealed record RecentReads
{
    /// <summary>Where the bound is configured, in seconds.</summary>
    public const string Setting = "Accounts:RecentReadSeconds";

    /// <summary>Accounts (and lists) kept per instance; far more than are shown at one time.</summary>
    public const int Capacity = 50_000;

    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(2);

    public RecentReads(TimeSpan bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, TimeSpan.Zero);
        Bound = bound;
    }

    public static RecentReads Default { get; } = new(DefaultBound);

    public TimeSpan Bound { get; }
}
