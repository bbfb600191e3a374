using Accounts.Core.Batching;
using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>
/// Fresh point reads of one row that wait together share one read, which started after each of them asked: a read
/// already under way when a caller asks is not shared with it, so every caller still sees the row as of after its
/// call. A busy row then costs one read per group of callers instead of one each.
/// </summary>
internal sealed class SharedReads<TKey>
    where TKey : notnull
{
    private const int MaxReadersPerRead = 1_000;

    private readonly GroupCommit<TKey, bool, TableEntity?> _reads;

    /// <param name="address">The row's PartitionKey and RowKey.</param>
    public SharedReads(StorageTable table, Func<TKey, (string Partition, string Row)> address) =>
        _reads = new(MaxReadersPerRead, async (key, readers) =>
        {
            var (partition, row) = address(key);
            var found = await table.GetAsync(partition, row, CancellationToken.None);
            foreach (var reader in readers)
            {
                reader.Complete(found);
            }
        });

    /// <summary>The row (null when absent) as of a read that started after this call.</summary>
    public Task<TableEntity?> ReadAsync(TKey key, CancellationToken ct) => _reads.SubmitAsync(key, true, ct);
}
