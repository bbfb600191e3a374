using Accounts.Core.Errors;
using Accounts.Core.Idempotency;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Idempotency;

public class IdempotencyServiceTests
{
    private readonly InMemoryIdempotencyStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
    private int _runs;

    private static readonly IdempotencyScope Scope = new("zoqq", "request-key");

    private IdempotencyService Service => new(_store, _clock);

    private Task<StoredResponse> Run(string key, string hash, string body = "created") =>
        Service.RunAsync("tenant", Scope, key, hash, id =>
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult(new StoredResponse(200, $"{body}:{id}"));
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
        await Assert.ThrowsAsync<DomainException>(() => Service.RunAsync("tenant", Scope, "k1", "hash-a",
            _ => throw DomainException.Invalid("label", "bad"), CancellationToken.None));

        var retried = await Run("k1", "hash-b");

        Assert.StartsWith("created:", retried.Body);
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task A_failure_that_is_not_a_refusal_keeps_the_claim_so_a_retry_reuses_the_operation_id()
    {
        await Assert.ThrowsAsync<TimeoutException>(() => Service.RunAsync("tenant", Scope, "k1", "hash-a",
            _ => throw new TimeoutException("storage timed out after the account row landed"), CancellationToken.None));
        var during = await Assert.ThrowsAsync<DomainException>(() => Run("k1", "hash-a"));
        _clock.Advance(IdempotencyService.Lease + TimeSpan.FromSeconds(1));

        var retried = await Run("k1", "hash-a");

        Assert.Equal(ErrorKind.Conflict, during.Kind);
        Assert.Equal("a request with this request-key is still being processed; retry later", during.Message);
        Assert.Equal(1, _store.Count);
        Assert.Equal(1, _runs);
        Assert.StartsWith("created:", retried.Body);
    }

    [Fact]
    public async Task A_request_still_running_makes_a_concurrent_retry_a_conflict()
    {
        var release = new TaskCompletionSource();
        var first = Service.RunAsync("tenant", Scope, "k1", "hash-a", async id =>
        {
            await release.Task;
            return new StoredResponse(200, id);
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
        var abandoned = new IdempotencyRecord("tenant", "zoqq", "k1", "hash-a", "op-1", _clock.GetUtcNow());
        await _store.TryInsertAsync(abandoned, CancellationToken.None);
        _clock.Advance(IdempotencyService.Lease + TimeSpan.FromSeconds(1));

        var response = await Run("k1", "hash-a");

        Assert.Equal("created:op-1", response.Body);
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
                return (await Run("k1", "hash-a")).Body;
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
}
