using Accounts.Core.Deposits;
using Accounts.Storage.Deposits;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

/// <summary>The one-write outcome of a processed deposit event, merged into its stored record whatever its version.</summary>
public sealed class DepositRecordOutcomeTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private TableDepositRecordStore Store => new(Tables);

    [Fact]
    public async Task An_outcome_replaces_a_failed_delivery_s_state_without_a_version_and_keeps_what_the_webhook_stored()
    {
        await Store.TryInsertAsync(Record("r-1"), Ct);
        var received = (await Store.GetAsync("tenant-1", "r-1", DepositEventType.Settled, Ct))!;
        var failed = await Store.UpdateAsync(received with { Attempts = 1, Reason = "delivery 1 failed: boom", AccountId = "stale" }, Ct);

        // Built from the message alone, as the worker does: no version, and no earlier reason.
        Assert.True(await Store.TryRecordOutcomeAsync(Record("r-1") with
        {
            Status = DepositStatus.Applied, Attempts = 2, ProcessedAt = At.AddMinutes(1), EntryId = "entry-1", MessageHash = "not written",
        }, Ct));

        var stored = await Store.GetAsync("tenant-1", "r-1", DepositEventType.Settled, Ct);
        Assert.Equal(failed with
        {
            Status = DepositStatus.Applied, Attempts = 2, Reason = null, AccountId = null, EntryId = "entry-1", ProcessedAt = At.AddMinutes(1),
            Version = stored!.Version,
        }, stored);
    }

    [Fact]
    public async Task An_outcome_for_a_record_that_is_not_stored_writes_nothing_and_says_so()
    {
        Assert.False(await Store.TryRecordOutcomeAsync(Record("missing") with { Status = DepositStatus.Applied }, Ct));
        Assert.Null(await Store.GetAsync("tenant-1", "missing", DepositEventType.Settled, Ct));
    }

    [Fact]
    public async Task Records_inserted_together_each_learn_whether_theirs_was_first_and_outcomes_written_together_which_landed()
    {
        var store = Store; // one instance, as the app has, so concurrent writes are grouped
        var (_, earlier) = await store.TryInsertAsync(Record("together-3") with { Message = "first delivery" }, Ct);

        var inserted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.TryInsertAsync(Record($"together-{i}"), Ct)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i != 3), inserted.Select(r => r.Inserted));
        Assert.Equal("first delivery", inserted[3].Record.Message);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 21).Select(i =>
            store.TryRecordOutcomeAsync(Record($"together-{i}") with { Status = DepositStatus.Applied, EntryId = $"e-{i}" }, Ct)));
        Assert.Equal(Enumerable.Range(0, 21).Select(i => i < 20), outcomes); // together-20 was never received
        var stored = await store.GetAsync("tenant-1", "together-3", DepositEventType.Settled, Ct);
        Assert.Equal((DepositStatus.Applied, "e-3", "first delivery"), (stored!.Status, stored.EntryId, stored.Message));
        Assert.Equal(earlier.EventId, stored.EventId);
    }

    private static DepositRecord Record(string reference) =>
        new("tenant-1", "evt-" + reference, DepositEventType.Settled, reference, "0123456789", "10.00", "USD", "{message}", "hash", At);
}
