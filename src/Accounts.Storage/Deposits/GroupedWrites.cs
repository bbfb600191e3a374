using System.Collections.Concurrent;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Writes of one kind to rows of one table, sent together: writes to the same partition that wait while an earlier
/// group is being sent go in the next group, as one entity-group transaction (group commit), so under load each costs
/// a fraction of a request. A caller's task completes only when its own row is written (or refused). A group that
/// fails is all-or-nothing, so nothing of it was written: it is sent again row by row through <paramref name="single"/>,
/// which gives each row its own result (a delete of a row already gone, an insert of a row that exists, a merge into a
/// missing row each fail a whole transaction). A written group gives every row <c>true</c>.
/// The transaction is sent once (never retried: a retry of one that landed would fail as if the rows were someone
/// else's); a failed attempt is covered by the row-by-row sends, which <paramref name="single"/> makes safe to repeat.
/// </summary>
internal sealed class GroupedWrites(StorageTable table, TableTransactionActionType kind, Func<TableEntity, CancellationToken, Task<bool>> single)
{
    /// <summary>Table Storage's limit of entities in one entity-group transaction.</summary>
    private const int MaxGroup = 100;

    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);

    /// <summary>True when written; otherwise what <c>single</c> answered for the row alone.</summary>
    public Task<bool> WriteAsync(TableEntity row, CancellationToken ct)
    {
        var write = new Write(row);
        var partition = _partitions.GetOrAdd(row.PartitionKey, _ => new Partition());
        if (partition.Enqueue(write))
        {
            // The sends must finish even if this caller stops waiting: other callers' rows ride in the same group.
            _ = Task.Run(() => DrainAsync(row.PartitionKey, partition), CancellationToken.None);
        }

        return write.Done.Task.WaitAsync(ct);
    }

    private async Task DrainAsync(string key, Partition partition)
    {
        while (partition.TakeGroup() is { Count: > 0 } group)
        {
            await SendAsync(group);
        }

        // Idle partitions (one per minute of arrival) are dropped; a caller still holding this one starts its own drainer.
        _partitions.TryRemove(new KeyValuePair<string, Partition>(key, partition));
    }

    private async Task SendAsync(List<Write> group)
    {
        if (group.Count > 1)
        {
            try
            {
                var actions = group.Select(w => new TableTransactionAction(kind, w.Row, Azure.ETag.All)).ToList();
                await table.RunAsync(bounded => table.Once.SubmitTransactionAsync(actions, bounded), CancellationToken.None);
                group.ForEach(w => w.Done.TrySetResult(true));
                return;
            }
            catch (Exception)
            {
                // Nothing of a failed transaction was written; each row is sent on its own below, and reports its own result.
            }
        }

        await Task.WhenAll(group.Select(async w =>
        {
            try
            {
                w.Done.TrySetResult(await single(w.Row, CancellationToken.None));
            }
            catch (Exception ex)
            {
                w.Done.TrySetException(ex);
            }
        }));
    }

    private sealed class Write(TableEntity row)
    {
        public TableEntity Row { get; } = row;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Writes waiting for one partition; at most one drainer sends them (as in the ledger's book queues).</summary>
    private sealed class Partition
    {
        private readonly List<Write> _waiting = [];
        private bool _draining;

        public bool Enqueue(Write write)
        {
            lock (_waiting)
            {
                _waiting.Add(write);
                if (_draining)
                {
                    return false;
                }

                _draining = true;
                return true;
            }
        }

        /// <summary>Up to 100 waiting writes with distinct rows (a transaction may touch a row once); the rest wait.</summary>
        public List<Write> TakeGroup()
        {
            lock (_waiting)
            {
                var rows = new HashSet<string>(StringComparer.Ordinal);
                var group = new List<Write>();
                foreach (var write in _waiting)
                {
                    if (group.Count < MaxGroup && rows.Add(write.Row.RowKey))
                    {
                        group.Add(write);
                    }
                }

                _waiting.RemoveAll(group.Contains);
                _draining = group.Count > 0;
                return group;
            }
        }
    }
}
