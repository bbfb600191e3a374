using System.Diagnostics;

namespace Accounts.Bench;

/// <summary>How one scenario went: operations, their rate, and the latency of each operation.</summary>
public sealed record Sample(int Count, double Seconds, double PerSecond, double P50Ms, double P99Ms);

/// <summary>Runs operations at a fixed concurrency and measures throughput and per-operation latency.</summary>
public static class Load
{
    public const int Concurrency = 32;

    public static async Task<Sample> RunAsync(int count, Func<int, Task> operation, int concurrency = Concurrency)
    {
        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Sample(count, seconds, count / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
