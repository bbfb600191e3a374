using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Bench;

/// <summary>The baselines: the table client called directly, with no mapping, no checks and no time bounds of our own.</summary>
internal static class RawTables
{
    public static Task InsertPairAsync(StorageTables tables, string partition, CancellationToken ct) =>
        tables.Ledger.Once.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Row(partition, "a", 1)),
                new TableTransactionAction(TableTransactionActionType.Add, Row(partition, "b", 2)),
            ],
            ct);

    public static Task InsertOneAsync(StorageTables tables, int i, CancellationToken ct) =>
        tables.Claims.Once.AddEntityAsync(Row("raw", i.ToString("D10"), i), ct);

    public static Task InsertRowAsync(StorageTables tables, string partition, string row, CancellationToken ct) =>
        tables.Accounts.Client.UpsertEntityAsync(Row(partition, row, 1), cancellationToken: ct);

    public static async Task PointReadAsync(StorageTables tables, string partition, string row, CancellationToken ct)
    {
        var result = await tables.Accounts.Client.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
        if (!result.HasValue)
        {
            throw new InvalidOperationException($"Row {partition}/{row} not found");
        }
    }

    private static TableEntity Row(string partition, string row, long amount) => new(partition, row) { ["Amount"] = amount };
}
