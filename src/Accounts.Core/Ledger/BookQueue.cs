namespace Accounts.Core.Ledger;

/// <summary>
/// Postings waiting for one book. At most one drainer runs per queue: <see cref="Enqueue"/> returns true to the
/// caller that must start it, and <see cref="TakeBatch"/> hands the drainer role back when the queue is empty.
/// </summary>
internal sealed class BookQueue(string bookId)
{
    private readonly Queue<PendingPosting> _waiting = new();
    private bool _draining;

    public string BookId { get; } = bookId;

    public bool Enqueue(PendingPosting posting)
    {
        lock (_waiting)
        {
            _waiting.Enqueue(posting);
            if (_draining)
            {
                return false;
            }

            _draining = true;
            return true;
        }
    }

    public IReadOnlyList<PendingPosting> TakeBatch(int max)
    {
        lock (_waiting)
        {
            var batch = new List<PendingPosting>(Math.Min(max, _waiting.Count));
            while (batch.Count < max && _waiting.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            _draining = batch.Count > 0;
            return batch;
        }
    }
}

/// <summary>An intent waiting in a book's queue, and the task its caller awaits.</summary>
internal sealed class PendingPosting(ILedgerIntent intent)
{
    public ILedgerIntent Intent { get; } = intent;

    public TaskCompletionSource<IntentResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
