namespace Accounts.Core.Idempotency;

public interface IIdempotencyStore
{
    /// <summary>Inserts the record if no record has its key (insert-if-absent). Returns the stored record otherwise.</summary>
    Task<(bool Inserted, IdempotencyRecord Record)> TryInsertAsync(IdempotencyRecord record, CancellationToken ct);

    /// <summary>Replaces a record if its version is current; throws ConcurrencyException otherwise.</summary>
    Task<IdempotencyRecord> ReplaceAsync(IdempotencyRecord record, CancellationToken ct);

    /// <summary>Deletes a record if its version is current, so the key can be used again (after a failed attempt).</summary>
    Task DeleteAsync(IdempotencyRecord record, CancellationToken ct);
}
