namespace Accounts.Storage.Deposits;

/// <summary>A message leased from the local deposit queue; <see cref="ETag"/> proves the lease is still ours.</summary>
public sealed record QueuedMessage(string RowKey, string ETag, int DeliveryCount, string Message);
