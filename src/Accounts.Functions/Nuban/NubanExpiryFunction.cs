using Accounts.Core.NubanAccounts;
using Accounts.Functions.Api;

namespace Accounts.Functions.Nuban;

/// <summary>
/// The ExpireDynamicAccounts timer function. Under the Functions host the timer trigger posts the JSON invocation
/// (<c>{"Data":{"timer":{…}},"Metadata":{…}}</c>) to /ExpireDynamicAccounts; standalone, <see cref="NubanExpiryService"/>
/// runs the same expirer every minute. The payload carries nothing the expirer needs: it works from the clock.
/// </summary>
public static class NubanExpiryFunction
{
    public const string Name = "ExpireDynamicAccounts";

    /// <summary>Every minute, at second 0 (NCRONTAB, seconds first).</summary>
    public const string Schedule = "0 * * * * *";

    /// <summary>A timer has no outputs and no return value; logs go to the app's own logger.</summary>
    public const string InvocationResponse = """{"Outputs":{},"Logs":[],"ReturnValue":null}""";

    public static async Task<IResult> HandleAsync(HttpContext http, DynamicAccountExpirer expirer, StartupGate gate, ILoggerFactory logs)
    {
        // A non-2xx answer fails the invocation; timers are not retried, so the next minute's run picks up the rest.
        await gate.WaitAsync(http.RequestAborted);
        var expired = await expirer.RunAsync(http.RequestAborted);
        logs.CreateLogger(typeof(NubanExpiryFunction)).LogInformation("{Function}: {Count} dynamic accounts expired", Name, expired);
        return Results.Content(InvocationResponse, "application/json");
    }
}
