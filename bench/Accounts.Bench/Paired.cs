namespace Accounts.Bench;

/// <summary>
/// A scenario measured between two halves of its raw baseline, and its ratio to the baseline's rate around it. On a
/// shared machine the load changes over a run; measuring both side by side moves them alike, so the ratio keeps
/// comparing the app with storage rather than a busy minute with a quiet one.
/// </summary>
public static class Paired
{
    public static async Task<RateRatio> RunAsync(string scenario, string baselineName, Func<int, Task<Sample>> baseline, int baselineCount,
        Func<Task<Sample>> measure)
    {
        var before = await baseline(baselineCount / 2);
        var measured = await measure();
        var after = await baseline(baselineCount - baselineCount / 2);
        var around = new Sample(before.Count + after.Count, before.Seconds + after.Seconds,
            (before.Count + after.Count) / (before.Seconds + after.Seconds), (before.P50Ms + after.P50Ms) / 2, Math.Max(before.P99Ms, after.P99Ms));
        Console.WriteLine($"  {scenario}: {measured.PerSecond:F0}/s, {baselineName} around it {around.PerSecond:F0}/s, ratio {measured.PerSecond / around.PerSecond:F2}");
        return new RateRatio(scenario, baselineName, measured, measured.PerSecond / around.PerSecond, around);
    }
}
