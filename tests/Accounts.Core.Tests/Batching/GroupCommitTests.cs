using Accounts.Core.Batching;

namespace Accounts.Core.Tests.Batching;

public class GroupCommitTests
{
    internal static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Items_that_arrive_while_a_group_is_in_flight_wait_and_go_together_in_the_next_group()
    {
        var commits = new HeldCommits();
        var groups = commits.Make(maxGroup: 10);

        var a = groups.SubmitAsync("k", "a", CancellationToken.None);
        Assert.Equal(["a"], await commits.NextStartedAsync());
        var b = groups.SubmitAsync("k", "b", CancellationToken.None);
        var c = groups.SubmitAsync("k", "c", CancellationToken.None);

        // One drainer per key: while "a" is in flight, "b" and "c" start no commit of their own.
        Assert.False(await commits.AnyStartedWithinAsync(TimeSpan.FromMilliseconds(200)));
        commits.Open();

        Assert.Equal(["b", "c"], await commits.NextStartedAsync());
        Assert.Equal(["A", "B", "C"], await Task.WhenAll(a, b, c));
        Assert.Equal(2, commits.Count);
    }

    [Fact]
    public async Task Different_keys_commit_independently()
    {
        var commits = new HeldCommits();
        var groups = commits.Make(maxGroup: 10);

        var first = groups.SubmitAsync("k1", "a", CancellationToken.None);
        Assert.Equal(["a"], await commits.NextStartedAsync());
        var second = groups.SubmitAsync("k2", "b", CancellationToken.None);

        // k1's commit is still held, yet k2 gets its own drainer.
        Assert.Equal(["b"], await commits.NextStartedAsync());
        commits.Open();
        Assert.Equal(["A", "B"], await Task.WhenAll(first, second));
    }

    [Fact]
    public async Task A_group_holds_at_most_the_maximum_and_the_rest_wait_in_order()
    {
        var commits = new HeldCommits();
        var groups = commits.Make(maxGroup: 3);

        var all = new List<Task<string>> { groups.SubmitAsync("k", "0", CancellationToken.None) };
        await commits.NextStartedAsync();
        all.AddRange(Enumerable.Range(1, 7).Select(i => groups.SubmitAsync("k", i.ToString(), CancellationToken.None)));
        commits.Open();
        await Task.WhenAll(all).WaitAsync(Patience);

        Assert.Equal([["0"], ["1", "2", "3"], ["4", "5", "6"], ["7"]], commits.Groups);
    }

    [Fact]
    public async Task An_item_the_join_rule_refuses_waits_for_the_next_group()
    {
        var commits = new HeldCommits();
        var groups = commits.Make(maxGroup: 10, joinRule: () =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return item => seen.Add(item[..1]);
        });

        var all = new List<Task<string>> { groups.SubmitAsync("k", "a0", CancellationToken.None) };
        await commits.NextStartedAsync();
        all.AddRange(new[] { "x1", "x2", "y1", "x3", "y2" }.Select(i => groups.SubmitAsync("k", i, CancellationToken.None)));
        commits.Open();
        await Task.WhenAll(all).WaitAsync(Patience);

        Assert.Equal([["a0"], ["x1", "y1"], ["x2", "y2"], ["x3"]], commits.Groups);
    }

    [Fact]
    public async Task The_oldest_waiting_item_joins_even_if_the_rule_refuses_everything()
    {
        var commits = new HeldCommits();
        commits.Open();
        var groups = commits.Make(maxGroup: 10, joinRule: () => _ => false);

        Assert.Equal("A", await groups.SubmitAsync("k", "a", CancellationToken.None).WaitAsync(Patience));
    }

    [Fact]
    public async Task A_join_rule_that_throws_fails_what_waits_and_the_key_serves_later_items()
    {
        var commits = new HeldCommits();
        commits.Open();
        var rulesMade = 0;
        var groups = commits.Make(maxGroup: 10, joinRule: () =>
            Interlocked.Increment(ref rulesMade) == 1 ? throw new InvalidDataException("rule broke") : _ => true);

        var failed = await Assert.ThrowsAsync<InvalidDataException>(() => groups.SubmitAsync("k", "a", CancellationToken.None).WaitAsync(Patience));
        Assert.Equal("rule broke", failed.Message);
        await EventuallyAsync(() => groups.KeysInUse == 0);

        Assert.Equal("B", await groups.SubmitAsync("k", "b", CancellationToken.None).WaitAsync(Patience));
        Assert.Equal([["b"]], commits.Groups);
    }

    [Fact]
    public async Task An_idle_key_is_dropped_and_a_later_item_starts_a_new_drainer()
    {
        var commits = new HeldCommits();
        commits.Open();
        var groups = commits.Make(maxGroup: 10);

        Assert.Equal("A", await groups.SubmitAsync("k", "a", CancellationToken.None).WaitAsync(Patience));
        await EventuallyAsync(() => groups.KeysInUse == 0);

        Assert.Equal("B", await groups.SubmitAsync("k", "b", CancellationToken.None).WaitAsync(Patience));
        Assert.Equal([["a"], ["b"]], commits.Groups);
        await EventuallyAsync(() => groups.KeysInUse == 0);
    }

    [Fact]
    public async Task A_failed_commit_fails_only_its_own_group()
    {
        var commits = new HeldCommits(failWhen: item => item == "bad");
        var groups = commits.Make(maxGroup: 10);

        var before = groups.SubmitAsync("k", "a", CancellationToken.None);
        await commits.NextStartedAsync();
        var bad = groups.SubmitAsync("k", "bad", CancellationToken.None);
        var neighbour = groups.SubmitAsync("k", "b", CancellationToken.None);
        var otherKey = groups.SubmitAsync("k2", "d", CancellationToken.None);
        commits.Open();

        Assert.Equal("A", await before.WaitAsync(Patience));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Patience));
        Assert.Same(error, await Assert.ThrowsAsync<InvalidOperationException>(() => neighbour.WaitAsync(Patience)));
        Assert.Equal("D", await otherKey.WaitAsync(Patience));

        // The key's drainer goes on after a failure.
        Assert.Equal("C", await groups.SubmitAsync("k", "c", CancellationToken.None).WaitAsync(Patience));
        Assert.Contains(["bad", "b"], commits.Groups);
    }

    [Fact]
    public async Task A_member_the_commit_leaves_without_an_outcome_fails_instead_of_waiting_for_ever()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var started = new SemaphoreSlim(0);
        var groups = new GroupCommit<string, string, string>(10, async (_, group) =>
        {
            started.Release();
            await gate.Task;
            group[0].Complete("done " + group[0].Item);
        });

        var first = groups.SubmitAsync("k", "a", CancellationToken.None);
        Assert.True(await started.WaitAsync(Patience));
        var second = groups.SubmitAsync("k", "b", CancellationToken.None);
        var forgotten = groups.SubmitAsync("k", "c", CancellationToken.None);
        gate.SetResult();

        Assert.Equal("done a", await first.WaitAsync(Patience));
        Assert.Equal("done b", await second.WaitAsync(Patience));
        await Assert.ThrowsAsync<InvalidOperationException>(() => forgotten.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_stop_the_commit()
    {
        var commits = new HeldCommits();
        var groups = commits.Make(maxGroup: 10);
        using var stop = new CancellationTokenSource();

        var leaving = groups.SubmitAsync("k", "a", stop.Token);
        await commits.NextStartedAsync();
        var staying = groups.SubmitAsync("k", "b", CancellationToken.None);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        commits.Open();

        Assert.Equal("B", await staying.WaitAsync(Patience));
        Assert.Equal([["a"], ["b"]], commits.Groups);
    }

    [Fact]
    public async Task Bursts_that_meet_drainers_ending_commit_every_item_with_one_commit_in_flight_per_key()
    {
        var inFlight = 0;
        var most = 0;
        var groups = new GroupCommit<string, int, int>(5, async (_, group) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            foreach (var member in group)
            {
                member.Complete(member.Item);
            }
        });

        for (var round = 0; round < 300; round++)
        {
            var burst = Enumerable.Range(0, 4).Select(i => Task.Run(() => groups.SubmitAsync("k", i, CancellationToken.None)));
            Assert.Equal([0, 1, 2, 3], (await Task.WhenAll(burst).WaitAsync(Patience)).Order());
        }

        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not reached in time");
            await Task.Delay(10);
        }
    }
}
