namespace Accounts.Storage;

/// <summary>Creates the service's tables if absent; the app calls it once on start (no hosted service, so tests control it).</summary>
public interface ITableInitializer
{
    Task EnsureTablesAsync(CancellationToken ct = default);
}
