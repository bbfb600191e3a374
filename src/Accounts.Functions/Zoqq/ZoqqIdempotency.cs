using Accounts.Core.Idempotency;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>
/// Runs a Zoqq mutation once per x-request-id on the one key mechanism; a replay returns the recorded success
/// envelope verbatim (every Zoqq mutation answers 200, so the envelope is the whole outcome).
/// </summary>
public static class ZoqqIdempotency
{
    /// <param name="run">Performs the mutation given the operation id and returns the success envelope as JSON.</param>
    public static async Task<IResult> RunAsync(HttpContext http, IdempotencyKeys keys, string operation,
        string body, string? accountId, Func<string, Task<string>> run)
    {
        var caller = ZoqqCaller.Of(http);
        var fingerprint = RequestFingerprint.Of(operation, [caller.UserId, accountId], body);
        var scope = new IdempotencyScope($"zoqq-request-id|{caller.Tenant.Id}", ZoqqHeaders.RequestId);
        var envelope = await keys.RunOnceAsync(scope, caller.RequestId, fingerprint, run, http.RequestAborted);
        return ZoqqResults.Raw(StatusCodes.Status200OK, envelope);
    }
}
