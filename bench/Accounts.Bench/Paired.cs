namespace Accounts.Bench;

/// <summary>
/// A scenario measured between two halves of its raw baseline, and its ratio to the baseline's rate around it. On a
/// shared machine the load changes over a run; measuring both side by side moves them alike, so the ratio keeps
/// comparing the app with storage rather than a busy minute with a quiet one. That is done <see cref="Rounds"/> times
/// and the round with the median ratio is reported: two full runs of the same code, with one round each, gave 0.45 and
/// 0.26 for the spread deposits (a round of them lasts about ten seconds), so one round is a sample, not a measurement.
/// </summary>
public static class Paired
{
    public const int Rounds = 3;

    /// <param name="measure">Runs the scenario once; its argument is the round (0, 1, 2).</param>
    public static async Task<RateRatio> RunAsync(string scenario, string baselineName, Func<int, Task<Sample>> baseline, int baselineCount,
        Func<int, Task<Sample>> measure)
    {
        var rounds = new List<(Sample Measured, Sample Around, double Ratio)>();
        for (var round = 0; round < Rounds; round++)
        {
            var before = await baseline(baselineCount / 2);
            var measured = await measure(round);
            var after = await baseline(baselineCount - baselineCount / 2);
            var around = new Sample(before.Count + after.Count, before.Seconds + after.Seconds,
                (before.Count + after.Count) / (before.Seconds + after.Seconds), (before.P50Ms + after.P50Ms) / 2, Math.Max(before.P99Ms, after.P99Ms));
            rounds.Add((measured, around, measured.PerSecond / around.PerSecond));
            Console.WriteLine($"  {scenario}, round {round + 1}: {measured.PerSecond:F0}/s, {baselineName} around it {around.PerSecond:F0}/s, ratio {measured.PerSecond / around.PerSecond:F2}");
        }

        var median = rounds.OrderBy(r => r.Ratio).ElementAt(Rounds / 2);
        return new RateRatio(scenario, baselineName, median.Measured, median.Ratio, median.Around, rounds.Select(r => r.Ratio).ToList());
    }
}
