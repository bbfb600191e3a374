using Accounts.Storage.Tables;
using Accounts.TestSupport;

namespace Accounts.Storage.Tests;

/// <summary>Gives every test (xunit makes one instance per test) fresh tables under a unique prefix.</summary>
[Collection(AzuriteCollection.Name)]
public abstract class TablesTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected StorageTables Tables { get; } = new(new TableStorageOptions
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = AzuriteFixture.NewTablePrefix(),
    });

    protected static CancellationToken Ct => CancellationToken.None;

    public Task InitializeAsync() => new TableInitializer(Tables).EnsureTablesAsync(Ct);

    public Task DisposeAsync() => Task.CompletedTask;
}
