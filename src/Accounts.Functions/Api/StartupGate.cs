using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// Opens once the tables exist and the configured tenants are registered. The server listens before that (the
/// Functions host's readiness probe must never wait on storage); API calls wait here instead.
/// </summary>
public sealed class StartupGate
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => _ready.Task.IsCompleted;

    public void Open() => _ready.TrySetResult();

    /// <summary>Waits briefly for startup; throws Unavailable (503 in every dialect) if storage is still not ready.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await _ready.Task.WaitAsync(MaxWait, ct);
        }
        catch (TimeoutException)
        {
            throw DomainException.Unavailable("the service is starting and its storage is not ready yet; retry shortly");
        }
    }
}
