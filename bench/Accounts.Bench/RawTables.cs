using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Bench;

/// <summary>The baselines: the table client called directly, with no mapping, no checks and no retries of our own.</summary>
internal static class RawTables
{
    public static Task InsertPairAsync(StorageTables tables, string partition, CancellationToken ct)
    {
        var batch = new TableBatchOperation
        {
            TableOperation.Insert(Row(partition, "a", 1)),
            TableOperation.Insert(Row(partition, "b", 2)),
        };
        return tables.Ledger.ExecuteBatchAsync(batch, null, null, ct);
    }

    public static Task InsertOneAsync(StorageTables tables, int i, CancellationToken ct) =>
        tables.Claims.ExecuteAsync(TableOperation.Insert(Row("raw", i.ToString("D10"), i)), null, null, ct);

    public static async Task PointReadAsync(StorageTables tables, string partition, string row, CancellationToken ct)
    {
        var result = await tables.Accounts.ExecuteAsync(TableOperation.Retrieve(partition, row), null, null, ct);
        if (result.Result is not DynamicTableEntity)
        {
            throw new InvalidOperationException($"Row {partition}/{row} not found");
        }
    }

    private static DynamicTableEntity Row(string partition, string row, long amount) =>
        new(partition, row) { Properties = { ["Amount"] = new EntityProperty(amount) } };
}
