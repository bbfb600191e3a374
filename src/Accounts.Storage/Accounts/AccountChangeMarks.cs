using Accounts.Core.Batching;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>
/// One row per tenant whose mark is replaced by a new random value after every update of one of the tenant's account
/// rows (and after an update whose outcome is unknown), before the update returns. An account read after the mark
/// was read is therefore as current as a fresh read for as long as the mark is unchanged: every update that completed
/// before a later read of the mark has replaced it. Marks are random, never repeated, so an unchanged mark means no
/// update was completed in between (ETags are not used: two writes in one clock tick could share one).
/// </summary>
public sealed class AccountChangeMarks(StorageTables tables)
{
    private const string MarkRow = "mark";

    // Reads of one tenant's mark that wait together share one read, which started after each of them asked.
    private readonly GroupCommit<string, bool, string?> _reads = new(MaxReadersPerRead, async (tenantId, readers) =>
    {
        var row = await tables.AccountChanges.GetAsync(KeyEncoder.Encode(tenantId), MarkRow, CancellationToken.None);
        var mark = row?.GetString("Mark");
        foreach (var reader in readers)
        {
            reader.Complete(mark);
        }
    });

    private const int MaxReadersPerRead = 1_000;

    /// <summary>The tenant's mark as of a read that started after this call (null while none of its accounts was updated).</summary>
    public Task<string?> CurrentAsync(string tenantId, CancellationToken ct) => _reads.SubmitAsync(tenantId, true, ct);

    /// <summary>Replaces the tenant's mark: called once an update of one of its account rows was written or may have been.</summary>
    public Task ChangedAsync(string tenantId) =>
        tables.AccountChanges.UpsertAsync(new TableEntity(KeyEncoder.Encode(tenantId), MarkRow) { ["Mark"] = Guid.NewGuid().ToString("N") },
            CancellationToken.None);
}
