using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Accounts.Storage.Ledger;

namespace Accounts.Bench;

/// <summary>
/// The app as it runs in production (environment Production, its own process, built in the same configuration as the
/// bench) over the bench's Azurite, with an operator key so the bench creates tenants the way an operator does.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string OperatorKey = "bench-operator-key";
    public const string Custodian = "bench-custodian";

    /// <summary>
    /// The app's ledger layout: heads keyed by book from the first commit, as a deployment whose ledger begins with this
    /// version runs (README "Ledger heads keyed by book"); the bench's own ledger writes (list scenarios) use it too.
    /// </summary>
    public static readonly LedgerLayout Ledger = new(HeadRows.KeyedOnly);

    private readonly Process _process;

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<AppProcess> StartAsync(string repo, string storageConnectionString, string tablePrefix, int port)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/{Release}/net10.0
        var dll = Path.Combine(repo, "src", "Accounts.Functions", "bin", configuration, "net10.0", "Accounts.Functions.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__ConnectionString"] = storageConnectionString,
            ["Storage__TablePrefix"] = tablePrefix,
            ["Operator__ApiKey"] = OperatorKey,
            ["Security__Pepper"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Security__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["InternalAccounts__CustodyAccounts__0__Custody"] = Custodian,
            ["InternalAccounts__CustodyAccounts__0__Currency"] = "PKR",
            ["InternalAccounts__CustodyAccounts__0__AccountNumber"] = "0000000000000001",
            ["InternalAccounts__CustodyAccounts__0__Bank"] = "Bench Custody Bank",
            ["InternalAccounts__CustodyAccounts__0__TypeAccount"] = "OMNIBUS",
            ["InternalAccounts__CustodyAccounts__0__Country"] = "PK",
            ["Logging__LogLevel__Default"] = "Warning",
            // Several deposit events per local queue message: the setting a deployment turns on once every instance
            // reads such messages (README "Standalone: the deposit queue on Azurite's queue service").
            ["Deposits__QueueMessageEvents"] = "32",
            // Several events per deposit outbox row, likewise once every instance reads such rows (README "Outbox: every accepted event reaches the queue").
            ["Deposits__OutboxRowEvents"] = "32",
            ["Ledger__Heads"] = Ledger.Heads.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await app.WaitReadyAsync();
        return app;
    }

    /// <summary>The most resident memory the process has had (VmHWM), in MiB.</summary>
    public double PeakMemoryMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Waits for the readiness probe and then for the tables (the operator route answers once start-up finished).
    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode} during start-up");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/operator/tenants/bench-readiness");
                request.Headers.Add("x-operator-key", OperatorKey);
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode is 200 or 404)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the app did not become ready within 2 minutes");
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrEmpty(line))
        {
            Console.Error.WriteLine($"  app| {line}");
        }
    }
}
