using Accounts.Core.Idempotency;
using Accounts.Functions.Api;

namespace Accounts.Functions.Zoqq;

/// <summary>Runs a Zoqq mutation once per x-request-id; a replay returns the stored response verbatim.</summary>
public static class ZoqqIdempotency
{
    private static readonly IdempotencyScope Scope = new("zoqq", ZoqqHeaders.RequestId);

    /// <param name="run">Performs the mutation given the operation id and returns the success envelope as JSON.</param>
    public static async Task<IResult> RunAsync(HttpContext http, IdempotencyService idempotency, string operation,
        string body, string? accountId, Func<string, Task<string>> run)
    {
        var caller = ZoqqCaller.Of(http);
        var fingerprint = RequestFingerprint.Of(operation, [caller.UserId, accountId], body);
        var response = await idempotency.RunAsync(caller.Tenant.Id, Scope, caller.RequestId, fingerprint,
            async operationId => new StoredResponse(StatusCodes.Status200OK, await run(operationId)), http.RequestAborted);
        return ZoqqResults.Raw(response.StatusCode, response.Body);
    }
}
