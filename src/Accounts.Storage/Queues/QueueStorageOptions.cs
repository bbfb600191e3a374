namespace Accounts.Storage.Queues;

/// <summary>
/// Where the queues live. By default the storage connection string's queue endpoint (Azurite, account keys): the
/// string must then name a queue service (QueueEndpoint, an account name, or development storage). With
/// <see cref="Endpoint"/> ("Storage:QueueEndpoint", e.g. https://{account}.queue.core.windows.net) the queue service is
/// reached with DefaultAzureCredential (managed identity in Azure) and no key.
/// </summary>
public sealed class QueueStorageOptions
{
    public const string EndpointKey = "Storage:QueueEndpoint";

    public Uri? Endpoint { get; set; }

    /// <summary>An absolute http(s) URI, or null for an empty setting; anything else is refused naming the setting.</summary>
    public static Uri? ParseEndpoint(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri
        : throw new FormatException($"{EndpointKey} must be an absolute http(s) URI, not '{text}'");
}
