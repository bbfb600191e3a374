using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// Opens once the tables exist and the configured tenants are registered. The server listens before that (the
/// Functions host's readiness probe must never wait on storage); API calls wait here instead, but only until the
/// first start-up attempt fails: while storage is down they are refused at once rather than held.
/// </summary>
public sealed class StartupGate
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => _ready.Task.IsCompleted;

    public void Open() => _ready.TrySetResult();

    /// <summary>A start-up attempt failed (storage unreachable): waiting callers are refused now, not after the wait.</summary>
    public void AttemptFailed() => _failed.TrySetResult();

    /// <summary>Waits briefly for startup; throws Unavailable (503 in every dialect) if storage is still not ready.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAny(_ready.Task, _failed.Task).WaitAsync(MaxWait, ct);
        }
        catch (TimeoutException)
        {
            // Still on the first attempt: fall through to the same refusal.
        }

        if (!IsOpen)
        {
            throw DomainException.Unavailable("the service is starting and its storage is not ready yet; retry shortly");
        }
    }
}

/// <summary>Holds a dialect's requests until <see cref="StartupGate"/> opens.</summary>
public sealed class StartupGateFilter(StartupGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!gate.IsOpen)
        {
            await gate.WaitAsync(context.HttpContext.RequestAborted);
        }

        return await next(context);
    }
}
