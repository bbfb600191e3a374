namespace Accounts.Core.Ledger;

/// <summary>
/// Marks that a reference was applied to a book, stored in the book's partition in the same transaction as its
/// entry. <see cref="Version"/> is the store's concurrency token (null for a record not stored yet).
/// </summary>
public sealed record ReferenceRecord(string Reference, string EntryId, string Fingerprint, string? Version = null);
