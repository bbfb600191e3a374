using Accounts.Storage.Kyc;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests.Kyc;

public sealed class NumberPoolStoreTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private TableNumberPoolStore Store => new(Tables);

    [Fact]
    public async Task A_counter_advances_only_from_the_version_it_was_read_at()
    {
        var fresh = await Store.ReadAsync("ZAF", Ct);
        Assert.True(await Store.TryAdvanceAsync(fresh, 1, Ct));
        Assert.False(await Store.TryAdvanceAsync(fresh, 1, Ct));

        var stored = await Store.ReadAsync("ZAF", Ct);
        Assert.True(await Store.TryAdvanceAsync(stored, 2, Ct));
        Assert.False(await Store.TryAdvanceAsync(stored, 2, Ct));

        Assert.Equal((0, 2), ((await Store.ReadAsync("KEN", Ct)).Next, (await Store.ReadAsync("ZAF", Ct)).Next));
    }

    [Fact]
    public async Task Of_twenty_advances_from_one_read_exactly_one_wins()
    {
        await Store.TryAdvanceAsync(await Store.ReadAsync("KEN", Ct), 1, Ct);
        var read = await Store.ReadAsync("KEN", Ct);

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.TryAdvanceAsync(read, 2, Ct))));

        Assert.Equal(1, wins.Count(w => w));
    }
}
