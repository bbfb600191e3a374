using Accounts.Storage.Queues;
using Azure;
using Azure.Identity;
using Azure.Storage.Queues;

namespace Accounts.Storage.Notifications;

/// <summary>
/// The standalone queue of delivery attempts ("{prefix}-notifications") on the storage queue service. A message
/// names one delivery; a retry is a new message made visible after its delay (the service allows up to 7 days, the
/// longest wait of the schedule is hours). No poison queue: the delivery row, not the message, holds the state, and a
/// message that cannot be handled is dropped after a few tries (its due row brings the delivery back).
/// </summary>
public sealed class NotificationQueue
{
    public const int MaxBatch = 32;
    public const string BaseName = "notifications";

    /// <summary>The queue service's longest visibility delay.</summary>
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1);

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue;
    private Task? _created;

    private NotificationQueue(QueueClient queue) => _queue = queue;

    public string Name => _queue.Name;

    public static NotificationQueue Create(TableStorageOptions storage, QueueStorageOptions queues)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(queues);

        // Same naming rule as the deposit queue, so apps with different table prefixes never share it.
        var name = DepositQueue.QueueName(storage.TablePrefix).Replace(DepositQueue.BaseName, BaseName, StringComparison.Ordinal);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = storage.SafeRetries;
        options.Retry.NetworkTimeout = storage.AttemptTimeout;
        return queues.Endpoint is { } endpoint
            ? new NotificationQueue(new QueueClient(new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/{name}"), new DefaultAzureCredential(), options))
            : new NotificationQueue(new QueueClient(storage.ConnectionString, name, options));
    }

    public async Task SendAsync(string body, TimeSpan delay, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : TimeSpan.FromSeconds(Math.Ceiling(Math.Min(delay.TotalSeconds, MaxDelay.TotalSeconds)));
        await _queue.SendMessageAsync(BinaryData.FromString(body), visibility, NeverExpires, ct);
    }

    public async Task<IReadOnlyList<QueueDelivery>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var received = await _queue.ReceiveMessagesAsync(max, visibilityTimeout, ct);
        return received.Value.Select(m => new QueueDelivery(m.MessageId, m.PopReceipt, (int)m.DequeueCount, m.Body.ToString())).ToList();
    }

    public async Task DeleteAsync(QueueDelivery delivery, CancellationToken ct)
    {
        try
        {
            await _queue.DeleteMessageAsync(delivery.MessageId, delivery.PopReceipt, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Its lease ran out and someone else holds it: they will handle (or drop) it.
        }
    }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        return (await _queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
    }

    private Task EnsureCreatedAsync(CancellationToken ct)
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = _created = _queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        }

        return created.WaitAsync(ct);
    }
}
