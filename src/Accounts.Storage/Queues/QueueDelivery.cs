namespace Accounts.Storage.Queues;

/// <summary>
/// A received message, invisible to other consumers until its visibility timeout runs out. <see cref="PopReceipt"/>
/// proves the lease is still ours; <see cref="DequeueCount"/> counts this delivery.
/// </summary>
public sealed record QueueDelivery(string MessageId, string PopReceipt, int DequeueCount, string Body);
