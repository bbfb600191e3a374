using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>Point reads, and queries that follow the service's continuation tokens to the end.</summary>
internal static class TableReads
{
    /// <summary>The row, or null when it does not exist (a 404 is an answer here, not an error).</summary>
    public static Task<TableEntity?> GetAsync(this StorageTable table, string partitionKey, string rowKey, CancellationToken ct) =>
        table.RunAsync(async bounded =>
        {
            var row = await table.Client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: bounded);
            return row.HasValue ? row.Value : null;
        }, ct);

    /// <summary>
    /// Rows matching <paramref name="filter"/> (and <paramref name="keep"/>, checked here) in key order, stopping once
    /// <paramref name="limit"/> kept rows are found. Pages are fetched one by one, so a limit stops the reading.
    /// </summary>
    public static Task<List<TableEntity>> QueryAllAsync(
        this StorageTable table, string filter, CancellationToken ct, int? limit = null, Func<TableEntity, bool>? keep = null) =>
        table.RunAsync(async bounded =>
        {
            var rows = new List<TableEntity>();
            await foreach (var page in table.Client.QueryAsync<TableEntity>(filter, cancellationToken: bounded).AsPages())
            {
                rows.AddRange(keep is null ? page.Values : page.Values.Where(keep));
                if (limit is not null && rows.Count >= limit)
                {
                    break;
                }
            }

            return limit is null || rows.Count <= limit ? rows : rows.GetRange(0, limit.Value);
        }, ct);

    public static string And(string left, string right) => $"({left}) and ({right})";

    /// <summary>"property op 'value'", the value quoted and escaped by the client.</summary>
    public static string Compare(string property, string op, string value) => $"{property} {op} {TableClient.CreateQueryFilter($"{value}")}";

    /// <summary>"property op 123L", compared as Edm.Int64 like the stored longs.</summary>
    public static string Compare(string property, string op, long value) => $"{property} {op} {TableClient.CreateQueryFilter($"{value}")}";

    public static string Partition(string partitionKey) => Compare("PartitionKey", "eq", partitionKey);

    /// <summary>Rows of one partition whose RowKey is in [from, to).</summary>
    public static string RowRange(string partitionKey, string from, string to) =>
        And(Partition(partitionKey), And(Compare("RowKey", "ge", from), Compare("RowKey", "lt", to)));
}
