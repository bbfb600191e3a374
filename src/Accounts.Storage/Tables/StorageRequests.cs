using Azure.Core;
using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>
/// The bounds every storage call runs under. The client library's own default (three retries with exponential
/// backoff and a 100 s network timeout) let one call hang a request for minutes during an outage; here an attempt
/// waits at most <see cref="TableStorageOptions.AttemptTimeout"/>, and <see cref="StorageTable"/> ends an operation,
/// retries included, within <see cref="TableStorageOptions.OperationTimeout"/>; it then fails as an outage (see
/// <see cref="StorageOutage"/>).
/// </summary>
internal static class StorageRequests
{
    public static void Validate(TableStorageOptions options)
    {
        if (options.OperationTimeout <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero || options.SafeRetries < 0)
        {
            throw new ArgumentException("Storage timeouts must be positive and retries not negative", nameof(options));
        }
    }

    /// <summary>Client options for calls that are safe to repeat: reads, upserts, unconditional deletes, table creation.</summary>
    public static TableClientOptions Safe(TableStorageOptions options) => Build(options, options.SafeRetries);

    /// <summary>
    /// Client options for conditional writes (insert-if-absent, ETag replace, transactions): the pipeline never retries.
    /// A retry of a write that landed but whose answer was lost would come back 409/412 and be read as "someone else
    /// won", so a failed attempt must surface as an exception and the caller re-reads to learn the outcome.
    /// </summary>
    public static TableClientOptions Once(TableStorageOptions options) => Build(options, 0);

    private static TableClientOptions Build(TableStorageOptions options, int retries)
    {
        var client = new TableClientOptions();
        client.Retry.Mode = RetryMode.Fixed;
        client.Retry.MaxRetries = retries;
        client.Retry.Delay = TimeSpan.FromMilliseconds(250);
        client.Retry.NetworkTimeout = options.AttemptTimeout;
        return client;
    }
}
