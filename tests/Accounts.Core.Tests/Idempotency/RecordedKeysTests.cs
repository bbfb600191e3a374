using Accounts.Core.Claims;
using Accounts.Core.Errors;
using Accounts.Core.Idempotency;
using Accounts.Core.Tests.Fakes;
using Accounts.Core.Tests.NubanAccounts;

namespace Accounts.Core.Tests.Idempotency;

/// <summary>Keys whose outcome is recorded and replayed (<see cref="IdempotencyKeys.RunOnceAsync"/>).</summary>
public class RecordedKeysTests
{
    private readonly InMemoryClaims _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private int _runs;

    private static readonly IdempotencyScope Scope = new("tenant|zoqq", "request-key");

    private IdempotencyKeys Service => new(_store, _clock);

    private Task<string> Run(string key, string hash, string body = "created") =>
        Service.RunOnceAsync(Scope, key, hash, id =>
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult($"{body}:{id}");
        }, CancellationToken.None);

    [Fact]
    public async Task A_replay_with_the_same_request_returns_the_first_response_without_running_again()
    {
        var first = await Run("k1", "hash-a");
        var second = await Run("k1", "hash-a", body: "other");

        Assert.Equal(first, second);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_a_conflict()
    {
        await Run("k1", "hash-a");

        var error = await Assert.ThrowsAsync<DomainException>(() => Run("k1", "hash-b"));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.StartsWith("request-key was already used", error.Message);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task A_refused_request_frees_its_key_for_a_corrected_retry()
    {
        await Assert.ThrowsAsync<DomainException>(() => Service.RunOnceAsync(Scope, "k1", "hash-a",
            _ => throw DomainException.Invalid("label", "bad"), CancellationToken.None));

        var retried = await Run("k1", "hash-b");

        Assert.StartsWith("created:", retried);
        Assert.Equal(1, _store.RecordedCount);
    }

    [Fact]
    public async Task A_failure_that_is_not_a_refusal_keeps_the_claim_so_a_retry_reuses_the_operation_id()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => Service.RunOnceAsync(Scope, "k1", "hash-a",
            _ => throw new TimeoutException("storage timed out after the account row landed"), CancellationToken.None));
        var during = await Assert.ThrowsAsync<DomainException>(() => Run("k1", "hash-a"));
        _clock.Advance(IdempotencyKeys.Lease + TimeSpan.FromSeconds(1));

        var retried = await Run("k1", "hash-a");

        Assert.Equal(ErrorKind.Conflict, during.Kind);
        Assert.Equal("a request with this request-key is still being processed; retry later", during.Message);
        Assert.Equal(1, _store.RecordedCount);
        Assert.Equal(1, _runs);
        Assert.StartsWith("created:", retried);
    }

    [Fact]
    public async Task A_request_still_running_makes_a_concurrent_retry_a_conflict()
    {
        var release = new TaskCompletionSource();
        var first = Service.RunOnceAsync(Scope, "k1", "hash-a", async id =>
        {
            await release.Task;
            return id;
        }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => Run("k1", "hash-a"));
        release.SetResult();
        await first;

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(0, _runs);
    }

    [Fact]
    public async Task An_abandoned_claim_is_taken_over_after_the_lease_with_the_same_operation_id()
    {
        var abandoned = new RecordedClaim("op-1", "hash-a", _clock.GetUtcNow());
        await _store.ClaimAsync(Scope.Name, "k1", abandoned, CancellationToken.None);
        _clock.Advance(IdempotencyKeys.Lease + TimeSpan.FromSeconds(1));

        var response = await Run("k1", "hash-a");

        Assert.Equal("created:op-1", response);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Twenty_parallel_requests_with_one_key_run_the_work_once()
    {
        var gate = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                return await Run("k1", "hash-a");
            }
            catch (DomainException ex) when (ex.Kind == ErrorKind.Conflict)
            {
                return "in-progress";
            }
        })).ToList();
        gate.SetResult();
        var bodies = await Task.WhenAll(attempts);

        Assert.Equal(1, _runs);
        Assert.Single(bodies.Where(b => b != "in-progress").Distinct());
    }

    [Fact]
    public async Task A_refusal_after_the_key_was_taken_over_leaves_the_new_attempts_claim()
    {
        var refuse = new TaskCompletionSource();
        var slow = Service.RunOnceAsync(Scope, "k1", "hash-a", async _ =>
        {
            await refuse.Task;
            throw DomainException.Invalid("label", "bad");
        }, CancellationToken.None);
        _clock.Advance(IdempotencyKeys.Lease + TimeSpan.FromSeconds(1));
        var finish = new TaskCompletionSource();
        var takeover = Service.RunOnceAsync(Scope, "k1", "hash-a", async id =>
        {
            await finish.Task;
            return $"taken:{id}";
        }, CancellationToken.None);

        refuse.SetResult();
        await Assert.ThrowsAsync<DomainException>(() => slow);
        var during = await Assert.ThrowsAsync<DomainException>(() => Run("k1", "hash-a"));
        finish.SetResult();

        Assert.Equal("a request with this request-key is still being processed; retry later", during.Message);
        Assert.StartsWith("taken:", await takeover);
        Assert.Equal(await takeover, await Run("k1", "hash-a"));
        Assert.Equal(0, _runs);
    }
}
