using System.Diagnostics;
using System.Text.Json;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// The publish step's exact command: the built handler run with --emit-functions. It runs standalone (no host port), where
/// the invocation routes are not served, and must still write their functions.
/// </summary>
public sealed class EmitProcessTests
{
    [Fact]
    public async Task The_built_app_writes_its_function_folders_and_exits_without_serving_or_touching_storage()
    {
        var output = Directory.CreateTempSubdirectory("emit-process-").FullName;
        try
        {
            var handler = Path.Combine(AppContext.BaseDirectory, "Accounts.Functions.dll");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                ArgumentList = { handler, "--emit-functions", output },
                WorkingDirectory = output,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["DOTNET_ENVIRONMENT"] = "Production",
                    // Unreachable on purpose: emitting must not need storage.
                    ["Storage__ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1",
                },
            };

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("--emit-functions did not exit: it must never start the server.");
            }

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
            Assert.Contains("function folders", await stdout);
            var emitted = Directory.GetDirectories(output).Select(Path.GetFileName).ToHashSet();
            Assert.Superset(new HashSet<string?> { "ApplyDeposit", "ReceiveDeposit", "ExpireDynamicAccounts" }, emitted);
            foreach (var folder in Directory.GetDirectories(output))
            {
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "function.json")));
                Assert.NotEmpty(json.RootElement.GetProperty("bindings").EnumerateArray());
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
