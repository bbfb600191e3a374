using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

internal static class TableWrites
{
    /// <summary>
    /// Options for conditional writes (insert-if-absent, ETag replace, transactions): no client retries. A retry of a
    /// write that landed but whose answer was lost would come back 409/412 and be read as "someone else won", so a
    /// failed attempt must surface as an exception and the caller re-reads to learn the outcome.
    /// </summary>
    public static TableRequestOptions Once => new() { RetryPolicy = new NoRetry() };
}
