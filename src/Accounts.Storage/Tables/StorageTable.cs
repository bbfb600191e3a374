using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>
/// One table, reached through two clients that differ only in their retry policy: <see cref="Client"/> retries
/// (a bounded number of times) and serves calls that are safe to repeat; <see cref="Once"/> never retries and serves
/// conditional writes and transactions. Store code calls them through <see cref="RunAsync{T}"/>, which bounds the
/// whole operation in time.
/// </summary>
public sealed class StorageTable
{
    private readonly TimeSpan operationTimeout;

    internal StorageTable(TableClient client, TableClient once, TimeSpan operationTimeout)
    {
        Client = client;
        Once = once;
        this.operationTimeout = operationTimeout;
    }

    public string Name => Client.Name;

    /// <summary>For reads and idempotent writes: the pipeline retries failed attempts.</summary>
    public TableClient Client { get; }

    /// <summary>For conditional writes and transactions: sent exactly once.</summary>
    public TableClient Once { get; }

    /// <summary>
    /// Runs one storage operation (retries and continuation pages included) within the operation timeout. Running out
    /// of time is a <see cref="TimeoutException"/> (an outage); the caller's own cancellation stays a cancellation.
    /// When the bound ends a retry, the client throws an AggregateException of all attempts (one of them a plain
    /// cancellation), not an OperationCanceledException; that is the same timeout and is reported as one.
    /// </summary>
    internal async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(operationTimeout);
        try
        {
            return await operation(bounded.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested
            && (e is OperationCanceledException || (e is AggregateException && bounded.IsCancellationRequested)))
        {
            throw new TimeoutException($"Storage operation on table {Name} did not finish within {operationTimeout}", e);
        }
    }
}
