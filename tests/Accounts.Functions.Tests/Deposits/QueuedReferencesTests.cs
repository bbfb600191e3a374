using Accounts.Functions.Deposits;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>The events this process queued instead of applying on receipt, by reference, until its worker settles them.</summary>
public sealed class QueuedReferencesTests
{
    private static readonly (string, string) Reference = ("t-1", "ref-1");

    [Fact]
    public void A_reference_is_held_until_every_one_of_its_queued_events_is_settled_and_a_second_settle_changes_nothing()
    {
        var queued = new QueuedReferences();
        queued.Add(Reference, "settled");
        queued.Add(Reference, "settled"); // the sweeper sends it again: still one event
        queued.Add(Reference, "rejected");

        queued.Settled(Reference, "settled");
        var afterOne = queued.Has(Reference);
        queued.Settled(Reference, "settled"); // a replay settles it again
        var afterReplay = queued.Has(Reference);
        queued.Settled(Reference, "rejected");

        Assert.True(afterOne);
        Assert.True(afterReplay);
        Assert.False(queued.Has(Reference));
        Assert.False(queued.Has(("t-2", "ref-1")));
    }

    [Fact]
    public void Past_the_most_it_tracks_every_reference_counts_as_held()
    {
        var queued = new QueuedReferences();
        for (var i = 0; i <= QueuedReferences.MaxTracked; i++)
        {
            queued.Add(("t-1", $"ref-{i}"), "settled");
        }

        for (var i = 0; i < QueuedReferences.MaxTracked; i++)
        {
            queued.Settled(("t-1", $"ref-{i}"), "settled");
        }

        Assert.True(queued.Has(("t-9", "never-queued")));
    }
}
