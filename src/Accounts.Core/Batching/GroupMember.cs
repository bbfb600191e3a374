namespace Accounts.Core.Batching;

/// <summary>An item waiting in a <see cref="GroupCommit{TKey, TItem, TResult}"/>, and the outcome its caller awaits.</summary>
public sealed class GroupMember<TItem, TResult>(TItem item)
{
    // Continuations run asynchronously so completing one caller never runs that caller's code on the drainer.
    private readonly TaskCompletionSource<TResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TItem Item { get; } = item;

    internal Task<TResult> Outcome => _outcome.Task;

    /// <summary>Gives the caller its result; ignored once the member has an outcome.</summary>
    public void Complete(TResult result) => _outcome.TrySetResult(result);

    /// <summary>Fails the caller's wait; ignored once the member has an outcome.</summary>
    public void Fail(Exception error) => _outcome.TrySetException(error);
}
