using Accounts.Storage.Ledger;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Azure.Data.Tables;

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

    /// <summary>Every row of <paramref name="bookId"/>'s partition of the Ledger table, by row key.</summary>
    protected async Task<Dictionary<string, TableEntity>> BookRowsAsync(string bookId)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in Tables.Ledger.Client.QueryAsync<TableEntity>(r => r.PartitionKey == LedgerKeys.Partition(bookId), cancellationToken: Ct))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }
}
