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
        var (_, received) = await Store.TryInsertAsync(Record("r-1"), Ct);
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

    private static DepositRecord Record(string reference) =>
        new("tenant-1", "evt-" + reference, DepositEventType.Settled, reference, "0123456789", "10.00", "USD", "{message}", "hash", At);
}
