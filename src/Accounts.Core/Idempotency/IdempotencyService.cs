using Accounts.Core.Errors;

namespace Accounts.Core.Idempotency;

/// <summary>
/// Runs a mutating request at most once per client key. The key is claimed by insert-if-absent before the work
/// starts; a retry with the same request gets the stored response, one with a different request a conflict.
/// A claim whose request died (no response after <see cref="Lease"/>) may be taken over; the new attempt reuses the
/// claim's operation id, so it finds, rather than duplicates, whatever the first attempt created.
/// </summary>
public sealed class IdempotencyService(IIdempotencyStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <param name="run">Does the work given the operation id; returns the response to store.</param>
    public async Task<StoredResponse> RunAsync(string tenantId, IdempotencyScope scope, string key, string requestHash,
        Func<string, Task<StoredResponse>> run, CancellationToken ct)
    {
        var claim = new IdempotencyRecord(tenantId, scope.Name, key, requestHash, Guid.CreateVersion7().ToString(), clock.GetUtcNow());
        var (inserted, record) = await store.TryInsertAsync(claim, ct);
        if (!inserted)
        {
            if (record.RequestHash != requestHash)
            {
                throw DomainException.Conflict($"{scope.KeyName} was already used with a different request; use a new key for a new request");
            }

            if (record.IsComplete)
            {
                return new StoredResponse(record.StatusCode!.Value, record.ResponseBody ?? string.Empty);
            }

            if (clock.GetUtcNow() - record.StartedAt < Lease)
            {
                throw StillRunning(scope);
            }

            record = await TakeOverAsync(record, scope, ct);
        }

        StoredResponse response;
        try
        {
            response = await run(record.OperationId);
        }
        catch (DomainException)
        {
            // The request was refused, so nothing was done under this key: free it for a corrected retry. Any other
            // failure keeps the claim: the work may have half happened, and a retry after the lease must reuse the
            // same operation id to find it rather than do it again.
            await ReleaseAsync(record);
            throw;
        }

        await store.ReplaceAsync(record with { StatusCode = response.StatusCode, ResponseBody = response.Body }, CancellationToken.None);
        return response;
    }

    private async Task ReleaseAsync(IdempotencyRecord record)
    {
        try
        {
            await store.DeleteAsync(record, CancellationToken.None);
        }
        catch (ConcurrencyException)
        {
            // Another attempt took the key over after our lease ran out; it is theirs now, and the client's error
            // (rethrown by the caller) is still the right answer to this request.
        }
    }

    private async Task<IdempotencyRecord> TakeOverAsync(IdempotencyRecord stale, IdempotencyScope scope, CancellationToken ct)
    {
        try
        {
            return await store.ReplaceAsync(stale with { StartedAt = clock.GetUtcNow() }, ct);
        }
        catch (ConcurrencyException)
        {
            throw StillRunning(scope);
        }
    }

    private static DomainException StillRunning(IdempotencyScope scope) =>
        DomainException.Conflict($"a request with this {scope.KeyName} is still being processed; retry later");
}
