using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Accounts.Storage.Emulator;

/// <summary>A running Azurite (blob, queue, table) on 127.0.0.1; disposing it stops the process tree.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's fixed, publicly documented development account.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly ProcessOutput output;

    private AzuriteProcess(Process process, ProcessOutput output, AzuriteOptions options)
    {
        this.process = process;
        this.output = output;
        Options = options;
        ConnectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{options.BlobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{options.QueuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{options.TablePort}/{AccountName};");
    }

    public AzuriteOptions Options { get; }

    public string ConnectionString { get; }

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        await AzuriteInstaller.EnsureInstalledAsync(options.ToolDirectory, ct);

        var process = new Process { StartInfo = StartInfo(options), EnableRaisingEvents = true };
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.AddOut(e.Data);
        process.ErrorDataReceived += (_, e) => output.AddError(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("Azurite could not be started");
        }

        // Read both pipes from the start so a chatty Azurite can never block on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, output, options);
        try
        {
            await azurite.WaitForTablePortAsync(ct);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        finally
        {
            process.Dispose();
        }
    }

    private static ProcessStartInfo StartInfo(AzuriteOptions options)
    {
        var start = new ProcessStartInfo(AzuriteInstaller.BinaryPath(options.ToolDirectory))
        {
            WorkingDirectory = options.ToolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        string[] args =
        [
            "--disableTelemetry", "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(options.BlobPort), "--queuePort", Port(options.QueuePort), "--tablePort", Port(options.TablePort),
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (options.DataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(options.DataDirectory);
        }

        return start;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private async Task WaitForTablePortAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} before its table port {Options.TablePort} opened.\n{output}");
            }

            if (await AcceptsConnectionAsync(Options.TablePort, ct))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Azurite's table port {Options.TablePort} did not open within {StartTimeout.TotalSeconds:0} s.\n{output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private static async Task<bool> AcceptsConnectionAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            // Not listening yet; the caller polls until its deadline.
            return false;
        }
    }
}
