namespace Accounts.Core.Kyc;

/// <summary>How many numbers of a country's pool were handed out. <see cref="Version"/> is the store's ETag (null: never stored).</summary>
public sealed record PoolCounter(string Country, long Next, string? Version);
