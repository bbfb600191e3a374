namespace Accounts.Storage.Tables;

internal sealed class TableInitializer(StorageTables tables) : ITableInitializer
{
    public Task EnsureTablesAsync(CancellationToken ct = default) =>
        Task.WhenAll(tables.All.Select(table => table.CreateIfNotExistsAsync(null, null, ct)));
}
