namespace Accounts.Core.Errors;

/// <summary>
/// A store refused a write because the row changed since it was read (ETag mismatch) or a key that must be
/// unique already exists. Services catch it and retry with fresh state; it never reaches a client.
/// </summary>
public sealed class ConcurrencyException(string message) : Exception(message);
