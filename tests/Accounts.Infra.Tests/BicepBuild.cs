using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Accounts.Infra.Tests;

/// <summary>
/// Compiles a Bicep file with the CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64) and keeps what it
/// printed, so tests can assert on the ARM template and on the absence of warnings.
/// </summary>
public sealed record BicepBuild(int ExitCode, string Diagnostics, JsonDocument? Template)
{
    public static async Task<BicepBuild> RunAsync(string bicepFile)
    {
        var cli = typeof(BicepBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value!;
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("The Bicep CLI package was not restored; run dotnet restore.", cli);
        }

        // A package extracts without its execute bit on some machines; the CLI is a single native linux-x64 file.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        }

        // A stalled CLI is killed and run once more; a second stall fails the tests. A hang is never left to the CI's
        // hang timeout, which kills the test host and with it every result of this project.
        try
        {
            return await BuildAsync(cli, bicepFile);
        }
        catch (TimeoutException)
        {
            return await BuildAsync(cli, bicepFile);
        }
    }

    private static async Task<BicepBuild> BuildAsync(string cli, string bicepFile)
    {
        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "build", bicepFile, "--stdout" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        // The CLI reads no input: closing it means an inherited console can never hold the build.
        process.StandardInput.Close();
        // The whole build, reading included, is bounded.
        using var timeout = new CancellationTokenSource(BuildTimeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            var template = await stdout;
            var diagnostics = await stderr;
            return new BicepBuild(process.ExitCode, diagnostics, process.ExitCode == 0 ? JsonDocument.Parse(template) : null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep build {bicepFile} did not finish within {BuildTimeout.TotalMinutes} minutes and was killed");
        }
    }

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The <c>infra</c> folder of the repository this test runs from.</summary>
    public static string InfraFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Accounts.Functions.sln")))
            {
                return Path.Combine(dir.FullName, "infra", name);
            }
        }

        throw new DirectoryNotFoundException("No folder above the test assembly holds Accounts.Functions.sln");
    }
}
