namespace Accounts.Bench;

/// <summary>
/// A scenario's rate as a ratio to its raw baseline's rate, measured just before and after it (<see cref="Paired"/>):
/// the round with the median ratio, and the ratios of every round in the order they ran.
/// </summary>
public sealed record RateRatio(string Scenario, string Baseline, Sample Measured, double Ratio, Sample BaselineAround, IReadOnlyList<double> RoundRatios);

/// <summary>
/// A list's page time at its largest size over its page time at its smallest (p50 to p50); null when a page failed
/// (the app could not serve it) before the largest size was reached.
/// </summary>
public sealed record GrowthRatio(string List, int SmallSize, int LargeSize, double? Ratio);

/// <summary>One target of issue 12 and whether this run meets it.</summary>
public sealed record TargetCheck(string Scenario, double? Value, string Target, bool Met);

/// <summary>Everything one run measured; written to bench/results/latest.json.</summary>
public sealed record BenchResult(
    DateTimeOffset At,
    string Machine,
    string Scale,
    int Concurrency,
    IReadOnlyDictionary<string, Sample> Baselines,
    IReadOnlyList<RateRatio> Reads,
    IReadOnlyList<RateRatio> Deposits,
    IReadOnlyList<ListPoint> Lists,
    IReadOnlyList<GrowthRatio> ListGrowth,
    double AppPeakMemoryMiB,
    int RequestsRetriedAfter503,
    IReadOnlyList<TargetCheck> Targets)
{
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<RateRatio> reads, IReadOnlyList<RateRatio> deposits,
        IReadOnlyList<GrowthRatio> growth) =>
    [
        .. reads.Select(r => new TargetCheck($"{r.Scenario} vs {r.Baseline}", r.Ratio, "≥ 0.5", r.Ratio >= 0.5)),
        .. deposits.Select(d => new TargetCheck($"{d.Scenario} vs {d.Baseline}", d.Ratio, "≥ 0.3", d.Ratio >= 0.3)),
        .. growth.Select(g => new TargetCheck($"{g.List}: page at {g.LargeSize:N0} vs at {g.SmallSize:N0} (p50)", g.Ratio, "≤ 2", g.Ratio is <= 2)),
    ];
}
