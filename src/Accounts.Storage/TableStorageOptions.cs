namespace Accounts.Storage;

/// <summary>
/// Where the tables live: exactly one of <see cref="ConnectionString"/> (Azurite, account keys) and
/// <see cref="TableEndpoint"/> (reached with DefaultAzureCredential, e.g. the app's managed identity).
/// <see cref="TablePrefix"/> lets tests (or several environments) share one account.
/// </summary>
public sealed class TableStorageOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>The table service endpoint, e.g. https://account.table.core.windows.net ("Storage:TableEndpoint").</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>Letters and digits only, starting with a letter, because table names must be alphanumeric.</summary>
    public string? TablePrefix { get; set; }

    /// <summary>
    /// The longest one storage operation may take, retries included ("Storage:OperationTimeoutSeconds"). A request
    /// stops on its first failed storage call, so this bounds how long a caller waits on storage during an outage.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How long one attempt may wait for the service ("Storage:AttemptTimeoutSeconds").</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Extra attempts of an operation that is safe to repeat (reads, idempotent writes); conditional writes get none.</summary>
    public int SafeRetries { get; set; } = 2;
}

/// <summary>The rule for a storage service endpoint setting (Storage:TableEndpoint, Storage:QueueEndpoint).</summary>
public static class StorageEndpoint
{
    /// <summary>An absolute http(s) URI, or null for an empty setting; anything else is refused naming the setting.</summary>
    public static Uri? Parse(string key, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri
        : throw new FormatException($"{key} must be an absolute http(s) URI, not '{text}'");
}
