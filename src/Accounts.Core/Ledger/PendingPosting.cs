namespace Accounts.Core.Ledger;

/// <summary>A posting waiting in a book's queue, and the task its caller awaits.</summary>
internal sealed class PendingPosting(Posting posting)
{
    public Posting Posting { get; } = posting;

    public TaskCompletionSource<PostResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
