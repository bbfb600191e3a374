using Accounts.Storage.Tables;

namespace Accounts.Storage;

/// <summary>Creates every table of the service if absent; idempotent, so each start (and each test) may call it.</summary>
public sealed class TableInitializer(StorageTables tables) : ITableInitializer
{
    public Task EnsureTablesAsync(CancellationToken ct = default) =>
        Task.WhenAll(tables.All.Select(table => table.RunAsync(c => table.Client.CreateIfNotExistsAsync(c), ct)));
}

/// <summary>Creates the service's tables if absent; the app calls it once on start (no hosted service, so tests control it).</summary>
public interface ITableInitializer
{
    Task EnsureTablesAsync(CancellationToken ct = default);
}
