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

    public static async Task EnsureInstalledAsync(string toolDirectory, CancellationToken ct)
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
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started");
        var stdout = npm.StandardOutput.ReadToEndAsync(ct);
        var stderr = npm.StandardError.ReadToEndAsync(ct);
        await npm.WaitForExitAsync(ct);
        if (npm.ExitCode != 0 || !File.Exists(BinaryPath(toolDirectory)))
        {
            throw new InvalidOperationException(
                $"npm ci in '{toolDirectory}' failed with exit code {npm.ExitCode}:\n{await stdout}\n{await stderr}");
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
