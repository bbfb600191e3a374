using System.Collections.Concurrent;
using System.Diagnostics;
using Accounts.Storage.Emulator;

namespace Accounts.Storage.Tests.Emulator;

/// <summary>A long install is never silent: output lines as they come, and a heartbeat while the process is quiet.</summary>
public sealed class InstallProgressTests
{
    [Fact]
    public async Task Output_is_streamed_and_a_quiet_process_gets_heartbeats()
    {
        var lines = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("bash", ["-c", "echo first; sleep 1.5; echo second >&2; exit 3"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var (exitCode, output, _) = await AzuriteInstaller.RunAsync(start, lines.Enqueue, TimeSpan.FromMilliseconds(200), "Still working", CancellationToken.None);

        Assert.Equal(3, exitCode);
        var seen = lines.ToList();
        // Orders and counts, not timings: on a loaded machine bash may start late, so a heartbeat can come before
        // "first", and fewer of them fit the 1.5 s pause; at least one must, and before "second".
        Assert.True(seen.IndexOf("first") >= 0 && seen.IndexOf("first") < seen.IndexOf("second"), string.Join("\n", seen));
        var firstHeartbeat = seen.FindIndex(l => l.StartsWith("Still working (", StringComparison.Ordinal));
        Assert.True(firstHeartbeat >= 0 && firstHeartbeat < seen.IndexOf("second"), string.Join("\n", seen));
        Assert.Contains("first", output, StringComparison.Ordinal);
        Assert.Contains("second", output, StringComparison.Ordinal);
    }
}
