using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Bench;

/// <summary>
/// The baselines: the table client called directly, with no mapping, no checks and no time bounds of our own. Every row
/// key is unique in its table: Azurite finds a row by its RowKey first and then filters by partition, so a row key
/// repeated in every partition makes each insert scan all of them. Pairs keyed "a" and "b" in each partition made the
/// 2-entity baseline slow down as pairs piled up over a run (411, 177 and 123 per second around the three rounds of
/// one deposits-only run), a cost of the emulator that Table Storage does not have and that says nothing of storage speed.
/// </summary>
internal static class RawTables
{
    public static Task InsertPairAsync(StorageTables tables, string partition, CancellationToken ct) =>
        tables.Ledger.Once.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, Row(partition, $"{partition}|a", 1)),
                new TableTransactionAction(TableTransactionActionType.Add, Row(partition, $"{partition}|b", 2)),
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
