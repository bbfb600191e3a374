namespace Accounts.Core.Deposits;

public interface IDepositRecordStore
{
    /// <summary>Inserts the record if its event is new (insert-if-absent); otherwise returns the stored one.</summary>
    Task<(bool Inserted, DepositRecord Record)> TryInsertAsync(DepositRecord record, CancellationToken ct);

    Task<DepositRecord?> GetAsync(string tenantId, string reference, DepositEventType type, CancellationToken ct);

    /// <summary>Every event of one reference, in lifecycle order.</summary>
    Task<IReadOnlyList<DepositRecord>> ListByReferenceAsync(string tenantId, string reference, CancellationToken ct);

    Task<IReadOnlyList<DepositRecord>> ListDeadLetteredAsync(string tenantId, CancellationToken ct);

    /// <summary>Replaces a record if its version is current; throws ConcurrencyException otherwise.</summary>
    Task<DepositRecord> UpdateAsync(DepositRecord record, CancellationToken ct);
}
