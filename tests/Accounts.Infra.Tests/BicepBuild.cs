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
        var start = new ProcessStartInfo(cli)
        {
            ArgumentList = { "build", bicepFile, "--stdout" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var template = process.ExitCode == 0 ? JsonDocument.Parse(await stdout) : null;
        return new BicepBuild(process.ExitCode, await stderr, template);
    }

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
