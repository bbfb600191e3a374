namespace Accounts.Functions.Api;

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
