using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Accounts.Bench;

/// <summary>Writes a run as latest.json, latest.md (the README's table) and two charts, and prints the ratios.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task WriteAsync(BenchResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(result, Json));
        var markdown = Markdown(result);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), markdown);
        RatioChart(result, Path.Combine(folder, "ratios.png"));
        ListChart(result, Path.Combine(folder, "lists.png"));
        Console.WriteLine();
        Console.WriteLine(markdown);
    }

    private static string Markdown(BenchResult r)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {r.At:yyyy-MM-dd HH:mm} UTC on {r.Machine}; scale {r.Scale}; {r.Concurrency} concurrent clients; app peak memory {r.AppPeakMemoryMiB:F0} MiB; {r.RequestsRetriedAfter503} requests retried after a 503.");
        md.AppendLine();
        md.AppendLine("| target | this run | target | met |");
        md.AppendLine("|---|---|---|---|");
        foreach (var t in r.Targets)
        {
            var value = t.Value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "failed";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Scenario} | {value} | {t.Target} | {(t.Met ? "yes" : "**no**")} |");
        }

        md.AppendLine();
        md.AppendLine("| scenario | requests/s | p50 ms | p99 ms | raw baseline measured around it (/s) | ratio in each round |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, s) in r.Baselines.Select(b => (b.Key, b.Value)))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} (start of run) | {s.PerSecond:F0} | {s.P50Ms:F1} | {s.P99Ms:F1} | | |");
        }

        foreach (var x in r.Reads.Concat(r.Deposits))
        {
            var rounds = string.Join(", ", x.RoundRatios.Select(ratio => ratio.ToString("F2", CultureInfo.InvariantCulture)));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {x.Scenario} | {x.Measured.PerSecond:F0} | {x.Measured.P50Ms:F1} | {x.Measured.P99Ms:F1} | {x.Baseline}: {x.BaselineAround.PerSecond:F0} | {rounds} |");
        }

        md.AppendLine();
        md.AppendLine("| list | items | page p50 ms | slowest page ms | the first size's list alongside, p50 ms |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var l in r.Lists)
        {
            md.AppendLine(l.Page is { } page
                ? string.Create(CultureInfo.InvariantCulture,
                    $"| {l.List} | {l.Size:N0} | {page.P50Ms:F1} | {page.P99Ms:F1} | {(l.Small is { } small ? small.P50Ms.ToString("F1", CultureInfo.InvariantCulture) : "")} |")
                : string.Create(CultureInfo.InvariantCulture, $"| {l.List} | {l.Size:N0} | failed: 503 after 10 tries | | |"));
        }

        return md.ToString();
    }

    private static void RatioChart(BenchResult r, string path)
    {
        var rates = r.Reads.Concat(r.Deposits).ToList();
        var plot = new ScottPlot.Plot();
        plot.Add.Bars(rates.Select(x => x.Ratio).ToArray());
        var targets = rates.Select(x => r.Deposits.Contains(x) ? 0.3 : 0.5).ToArray();
        var marks = plot.Add.Scatter(Enumerable.Range(0, rates.Count).Select(i => (double)i).ToArray(), targets);
        marks.LineWidth = 0;
        marks.MarkerSize = 12;
        marks.MarkerShape = ScottPlot.MarkerShape.HorizontalBar;
        marks.LegendText = "target";
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rates.Count).Select(i => (double)i).ToArray(), rates.Select(x => x.Scenario).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 160;
        plot.Title("Rate as a ratio to its raw baseline (higher is better)");
        plot.SavePng(path, 1000, 600);
    }

    private static void ListChart(BenchResult r, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var list in r.Lists.Where(l => l.Page is not null).GroupBy(l => l.List))
        {
            var line = plot.Add.Scatter(list.Select(l => Math.Log10(l.Size)).ToArray(), list.Select(l => l.Page!.P50Ms).ToArray());
            line.LegendText = list.Key;
        }

        plot.Axes.Bottom.Label.Text = "items (log10)";
        plot.Axes.Left.Label.Text = "page p50 (ms)";
        plot.ShowLegend();
        plot.Title("One list page as the tenant or book grows (flat is better)");
        plot.SavePng(path, 1000, 600);
    }
}
