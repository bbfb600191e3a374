using Accounts.Core.Batching;

namespace Accounts.Core.Tests.Batching;

/// <summary>
/// A commit that records each group, then waits until <see cref="Open"/> before answering each item in upper
/// case (or failing the group when <c>failWhen</c> matches an item).
/// </summary>
internal sealed class HeldCommits(Func<string, bool>? failWhen = null)
{
    private readonly List<string[]> _groups = [];
    private readonly SemaphoreSlim _started = new(0);
    private int _seen;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string[]> Groups
    {
        get
        {
            lock (_groups)
            {
                return [.. _groups];
            }
        }
    }

    public int Count => Groups.Count;

    public GroupCommit<string, string, string> Make(int maxGroup, Func<Func<string, bool>>? joinRule = null) =>
        new(maxGroup, CommitAsync, StringComparer.Ordinal, joinRule);

    public void Open() => _gate.TrySetResult();

    public async Task<string[]> NextStartedAsync()
    {
        Assert.True(await _started.WaitAsync(GroupCommitTests.Patience), "no commit started");
        lock (_groups)
        {
            return _groups[_seen++];
        }
    }

    public Task<bool> AnyStartedWithinAsync(TimeSpan wait) => _started.WaitAsync(wait);

    private async Task CommitAsync(string key, IReadOnlyList<GroupMember<string, string>> group)
    {
        lock (_groups)
        {
            _groups.Add(group.Select(m => m.Item).ToArray());
        }

        _started.Release();
        await _gate.Task;
        if (failWhen is not null && group.Any(m => failWhen(m.Item)))
        {
            throw new InvalidOperationException($"refused group of {key}");
        }

        foreach (var member in group)
        {
            member.Complete(member.Item.ToUpperInvariant());
        }
    }
}
