using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

/// <summary>
/// The bounds every storage call runs under. The client library's own default (three retries with backoffs of at
/// least 3 s) let one call hang a request for half a minute during an outage; here an operation, retries included,
/// ends within <see cref="TableStorageOptions.OperationTimeout"/> and then fails as an outage (see
/// <see cref="StorageOutage"/>).
/// </summary>
internal static class StorageRequests
{
    /// <summary>
    /// The client's defaults. A call that passes no options (reads, idempotent writes) gets all of them; conditional
    /// writes pass <see cref="TableWrites.Once"/>, which replaces only the retry policy, so they keep these time bounds.
    /// </summary>
    public static TableRequestOptions Defaults(TableStorageOptions options)
    {
        if (options.OperationTimeout <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero || options.SafeRetries < 0)
        {
            throw new ArgumentException("Storage timeouts must be positive and retries not negative", nameof(options));
        }

        return new TableRequestOptions
        {
            MaximumExecutionTime = options.OperationTimeout,
            ServerTimeout = options.AttemptTimeout,
            RetryPolicy = new LinearRetry(TimeSpan.FromMilliseconds(250), options.SafeRetries),
        };
    }
}
