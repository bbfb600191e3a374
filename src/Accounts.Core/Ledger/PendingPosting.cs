namespace Accounts.Core.Ledger;

/// <summary>An intent waiting in a book's queue, and the task its caller awaits.</summary>
internal sealed class PendingPosting(ILedgerIntent intent)
{
    public ILedgerIntent Intent { get; } = intent;

    public TaskCompletionSource<IntentResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
