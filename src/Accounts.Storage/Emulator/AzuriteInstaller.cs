using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Accounts.Storage.Emulator;

/// <summary>Installs the pinned Azurite from the committed lockfile (npm ci) when it is missing.</summary>
public static class AzuriteInstaller
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    public static string BinaryPath(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");

    /// <summary>How often a running install says it is still running.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <param name="progress">
    /// Receives npm's output line by line and, while npm is quiet, a line every <see cref="Heartbeat"/>: a first install
    /// downloads Azurite's packages, which takes from seconds (npm cache warm) to a minute or two (cold cache, slow link).
    /// </param>
    public static async Task EnsureInstalledAsync(string toolDirectory, CancellationToken ct, Action<string>? progress = null)
    {
        // Checked under the lock too: a binary link can exist while another process's npm ci is still running.
        await using var installLock = await AcquireLockAsync(toolDirectory, ct);
        if (File.Exists(BinaryPath(toolDirectory)))
        {
            return;
        }

        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // --prefer-offline takes packages from the npm cache without asking the registry whether they changed (the
        // lockfile pins exact versions and hashes, so a cached copy is the right one); audit and fund are network calls.
        foreach (var arg in new[] { "ci", "--prefer-offline", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        progress?.Invoke($"Installing Azurite into {toolDirectory} with npm ci (first run only; usually 10-60 s)...");
        var (exitCode, output, elapsed) = await RunAsync(start, progress, Heartbeat, "Still installing Azurite", ct);
        if (exitCode != 0 || !File.Exists(BinaryPath(toolDirectory)))
        {
            throw new InvalidOperationException($"npm ci in '{toolDirectory}' failed with exit code {exitCode}:\n{output}");
        }

        progress?.Invoke($"Azurite installed in {elapsed.TotalSeconds:0} s.");
    }

    /// <summary>
    /// Runs <paramref name="start"/> to the end, passing each output line to <paramref name="progress"/> as it comes and
    /// "<paramref name="waiting"/> (N s so far)" every <paramref name="heartbeat"/>; returns the exit code and all output.
    /// </summary>
    internal static async Task<(int ExitCode, string Output, TimeSpan Elapsed)> RunAsync(ProcessStartInfo start, Action<string>? progress,
        TimeSpan heartbeat, string waiting, CancellationToken ct)
    {
        var output = new StringBuilder();
        void Line(string? line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                progress?.Invoke(line);
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{start.FileName} could not be started");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        var exited = process.WaitForExitAsync(ct);
        while (await Task.WhenAny(exited, Task.Delay(heartbeat, ct)) != exited)
        {
            progress?.Invoke($"{waiting} ({clock.Elapsed.TotalSeconds:0} s so far)...");
        }

        await exited;
        lock (output)
        {
            return (process.ExitCode, output.ToString(), clock.Elapsed);
        }
    }

    // A file opened with FileShare.None is an exclusive lock across processes (parallel test projects); it lives in
    // the temp folder so it never shows up in the work tree.
    private static async Task<FileStream> AcquireLockAsync(string toolDirectory, CancellationToken ct)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(toolDirectory))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"accounts-azurite-{id}.lock");
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }
        }
    }
}
