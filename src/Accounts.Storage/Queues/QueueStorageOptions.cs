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
}
