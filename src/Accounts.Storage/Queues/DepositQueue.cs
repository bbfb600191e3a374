using System.Text.RegularExpressions;
using Azure;
using Azure.Identity;
using Azure.Storage.Queues;

namespace Accounts.Storage.Queues;

/// <summary>
/// The standalone deposit queue on the storage queue service, with its poison queue <c>{name}-poison</c>. A received
/// message stays invisible for the visibility timeout (its lease): it is deleted once handled, made visible again later
/// after a failure, or moved to the poison queue once it has failed often enough. A consumer that dies just lets the
/// timeout run out, and the message comes back with a higher dequeue count. Messages never expire: nothing accepted
/// is dropped by the queue.
/// Bodies are UTF-8 sent base64-encoded (the SDK's Base64 encoding, which the Functions queue trigger also expects):
/// every character survives, whereas text messages travel inside an XML body that not every string fits. A body
/// carries one event or several (<see cref="DepositQueueBatch"/>): whatever reads one, the poison queue's included,
/// reads it through <see cref="DepositQueueBatch.Read"/>. Counts here are of messages, not events.
/// </summary>
public sealed partial class DepositQueue
{
    /// <summary>The queue service's limit for one receive.</summary>
    public const int MaxBatch = 32;

    public const string BaseName = "deposits";

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private Task? _created;

    private DepositQueue(QueueClient queue, QueueClient poison)
    {
        _queue = queue;
        _poison = poison;
    }

    public string Name => _queue.Name;

    public Uri Uri => _queue.Uri;

    public string PoisonName => _poison.Name;

    public static DepositQueue Create(TableStorageOptions storage, QueueStorageOptions queues)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(queues);
        var name = QueueName(storage.TablePrefix);
        var poisonName = name + "-poison";
        QueueClient? poison = null;
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = storage.SafeRetries;
        options.Retry.NetworkTimeout = storage.AttemptTimeout;

        // A message that is not base64 (written by another tool) would fail every receive; it goes to the poison queue as
        // it was received, so the queue keeps moving and nothing is dropped.
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is { } raw)
            {
                await poison!.SendMessageAsync(raw.Body, null, NeverExpires, args.CancellationToken);
                await args.Queue.DeleteMessageAsync(raw.MessageId, raw.PopReceipt, args.CancellationToken);
            }
        };

        if (queues.Endpoint is { } endpoint)
        {
            var credential = new DefaultAzureCredential();
            Uri At(string queue) => new($"{endpoint.AbsoluteUri.TrimEnd('/')}/{queue}");
            poison = new QueueClient(At(poisonName), credential, options);
            return new DepositQueue(new QueueClient(At(name), credential, options), poison);
        }

        poison = new QueueClient(storage.ConnectionString, poisonName, options);
        return new DepositQueue(new QueueClient(storage.ConnectionString, name, options), poison);
    }

    /// <summary>
    /// "{prefix}-deposits" in lowercase (queue names allow only lowercase letters, digits and single hyphens, 3 to 63
    /// long), so apps with different table prefixes never share a queue.
    /// </summary>
    public static string QueueName(string? prefix)
    {
        var name = string.IsNullOrEmpty(prefix) ? BaseName : $"{prefix.ToLowerInvariant()}-{BaseName}";
        return ValidName().IsMatch(name + "-poison")
            ? name
            : throw new ArgumentException($"Storage:TablePrefix '{prefix}' does not make a valid queue name ('{name}')", nameof(prefix));
    }

    public async Task SendAsync(string body, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await _queue.SendMessageAsync(BinaryData.FromString(body), null, NeverExpires, ct);
    }

    /// <summary>Receives up to <paramref name="max"/> visible messages, each invisible to others for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<IReadOnlyList<QueueDelivery>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var received = await _queue.ReceiveMessagesAsync(max, visibilityTimeout, ct);
        return received.Value.Select(m => new QueueDelivery(m.MessageId, m.PopReceipt, (int)m.DequeueCount, m.Body.ToString())).ToList();
    }

    /// <summary>
    /// Deletes a handled message; false when its lease ran out first (it is visible again or held by another consumer,
    /// and will be handled once more, which has no second effect).
    /// </summary>
    public async Task<bool> DeleteAsync(QueueDelivery delivery, CancellationToken ct)
    {
        try
        {
            await _queue.DeleteMessageAsync(delivery.MessageId, delivery.PopReceipt, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Makes a failed message visible again after <paramref name="delay"/> (whole seconds); its dequeue count stays.</summary>
    public async Task RetryLaterAsync(QueueDelivery delivery, TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await _queue.UpdateMessageAsync(delivery.MessageId, delivery.PopReceipt, BinaryData.FromString(delivery.Body), delay, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Lease lost: the message is already visible to, or held by, another consumer; nothing to release.
        }
    }

    /// <summary>
    /// Moves a message that kept failing to the poison queue (copied first, so a crash in between leaves a second copy
    /// rather than none).
    /// </summary>
    public async Task MoveToPoisonAsync(QueueDelivery delivery, CancellationToken ct)
    {
        await _poison.SendMessageAsync(BinaryData.FromString(delivery.Body), null, NeverExpires, ct);
        await DeleteAsync(delivery, ct);
    }

    /// <summary>Messages in the queue, visible or not (approximate under concurrent changes).</summary>
    public async Task<int> CountAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        return (await _queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
    }

    /// <summary>
    /// The bodies of up to 32 poison messages, left in place, for operators and tests; each holds one or more events
    /// (<see cref="DepositQueueBatch.Read"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> PeekPoisonAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        return (await _poison.PeekMessagesAsync(MaxBatch, ct)).Value.Select(m => m.Body.ToString()).ToList();
    }

    // Created on first use rather than with the tables, so an app whose deposits go elsewhere (the Functions host) never
    // creates them; a creation that failed is tried again by the next call.
    private Task EnsureCreatedAsync(CancellationToken ct)
    {
        var created = _created;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = _created = Task.WhenAll(
                _queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None),
                _poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
        }

        return created.WaitAsync(ct);
    }

    // The poison name is the longer one, so checking it checks both.
    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidName();
}

/// <summary>
/// A received message, invisible to other consumers until its visibility timeout runs out. <see cref="PopReceipt"/>
/// proves the lease is still ours; <see cref="DequeueCount"/> counts this delivery.
/// </summary>
public sealed record QueueDelivery(string MessageId, string PopReceipt, int DequeueCount, string Body);
