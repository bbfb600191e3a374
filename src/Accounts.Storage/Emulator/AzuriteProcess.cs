using System.Diagnostics;
using System.Globalization;

namespace Accounts.Storage.Emulator;

/// <summary>A running Azurite (blob, queue, table) on 127.0.0.1; disposing it stops the process tree.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's fixed, publicly documented development account.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);

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

    /// <param name="progress">Told what a first-run install of Azurite is doing (see <see cref="AzuriteInstaller"/>).</param>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken ct, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        await AzuriteInstaller.EnsureInstalledAsync(options.ToolDirectory, ct, progress);

        var process = new Process { StartInfo = AzuriteCommandLine.StartInfo(options), EnableRaisingEvents = true };
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
            await azurite.WaitForServicesAsync(ct);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Asks Azurite to stop (SIGTERM, so a persistent Azurite flushes its metadata, which it otherwise saves only every
    /// few seconds), then kills the process tree if it has not exited in time.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited && UnixSignals.TryTerminate(process.Id))
            {
                await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(GracefulStopTimeout));
            }

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

    // The table and queue services: the app keeps its data in tables and queues standalone deposits.
    private async Task WaitForServicesAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        foreach (var (service, port, path) in new[] { ("Table", Options.TablePort, "Tables"), ("Queue", Options.QueuePort, "?comp=list") })
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"Azurite exited with code {process.ExitCode} before its {service.ToLowerInvariant()} port {port} opened.\n{output}");
                }

                if (await IsAzuriteServiceAsync(http, service, port, path, ct))
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException(
                        $"Azurite's {service.ToLowerInvariant()} port {port} did not open within {StartTimeout.TotalSeconds:0} s.\n{output}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }

    // More than "the port accepts TCP": another program already listening there would pass that test while our
    // Azurite fails to bind. Azurite names itself in the Server header of every answer (403 here: no credentials).
    private static async Task<bool> IsAzuriteServiceAsync(HttpClient http, string service, int port, string path, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(
                new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}/{path}"), HttpCompletionOption.ResponseHeadersRead, ct);
            return response.Headers.Server.Any(s => s.Product?.Name == "Azurite-" + service);
        }
        catch (HttpRequestException)
        {
            // Not listening yet; the caller polls until its deadline.
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // The per-probe timeout: something accepted the connection but did not answer like Azurite.
            return false;
        }
    }
}
