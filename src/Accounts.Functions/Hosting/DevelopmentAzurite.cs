using Accounts.Storage.Emulator;

namespace Accounts.Functions.Hosting;

/// <summary>
/// For `dotnet run` in Development: when the configured table endpoint is local and nothing answers,
/// starts Azurite from the repo's pinned copy with data kept in {repo}/.azurite (so accounts survive a
/// restart), and stops it when the app stops. Registered before every other hosted service, so storage
/// is up before anything that needs it starts. Hosted services start before Kestrel listens, so the first run
/// (npm ci) delays the port opening; that is why this service is never registered under the Functions host,
/// whose readiness probe allows 30 s and which needs its own storage before it starts the handler anyway.
/// If the app is killed rather than stopped, Azurite keeps running and the next start simply reuses it.
/// </summary>
public sealed partial class DevelopmentAzurite(
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DevelopmentAzurite> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private IAsyncDisposable? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoints = StorageEndpoints.Parse(StorageEndpoints.ResolveConnectionString(configuration));
        if (!endpoints.Table.IsLoopback)
        {
            LogRemoteStorage(endpoints.Table.Host);
            return;
        }

        if (await TcpProbe.AnswersAsync(endpoints.Table, ProbeTimeout, cancellationToken))
        {
            LogAlreadyRunning(endpoints.Table.Port);
            return;
        }

        var repoRoot = RepoPaths.FindRepoRoot(environment.ContentRootPath);
        var options = new AzuriteOptions(
            ToolDirectory: Path.Combine(repoRoot, "tools", "azurite"),
            DataDirectory: Path.Combine(repoRoot, ".azurite"),
            BlobPort: endpoints.Blob.Port,
            QueuePort: endpoints.Queue.Port,
            TablePort: endpoints.Table.Port);
        LogStarting(endpoints.Table.Port, options.DataDirectory!);
        _azurite = await AzuriteProcess.StartAsync(options, cancellationToken, LogInstall);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        // StopAsync and container disposal both land here; only the first one stops the process.
        if (Interlocked.Exchange(ref _azurite, null) is { } azurite)
        {
            LogStopping();
            await azurite.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Table endpoint {Host} is not local; not starting Azurite.")]
    private partial void LogRemoteStorage(string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "A table endpoint already answers on port {Port}; using it.")]
    private partial void LogAlreadyRunning(int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "No table endpoint on port {Port}; starting Azurite with data in {DataDirectory}.")]
    private partial void LogStarting(int port, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite install: {Line}")]
    private partial void LogInstall(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the Azurite started for Development.")]
    private partial void LogStopping();
}
