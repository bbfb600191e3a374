using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

/// <summary>Point reads and queries that follow continuation tokens to the end.</summary>
internal static class TableReads
{
    /// <summary>The row, or null when it does not exist (a 404 is an answer here, not an error).</summary>
    public static async Task<DynamicTableEntity?> GetAsync(this CloudTable table, string partitionKey, string rowKey, CancellationToken ct)
    {
        var result = await table.ExecuteAsync(TableOperation.Retrieve(partitionKey, rowKey), null, null, ct);
        return result.Result as DynamicTableEntity;
    }

    /// <summary>
    /// Rows matching <paramref name="filter"/> (and <paramref name="keep"/>, checked here) in key order, stopping once
    /// <paramref name="limit"/> kept rows are found.
    /// </summary>
    public static async Task<List<DynamicTableEntity>> QueryAllAsync(
        this CloudTable table, string filter, CancellationToken ct, int? limit = null, Func<DynamicTableEntity, bool>? keep = null)
    {
        var query = new TableQuery().Where(filter);
        var rows = new List<DynamicTableEntity>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await table.ExecuteQuerySegmentedAsync(query, token, null, null, ct);
            rows.AddRange(keep is null ? segment.Results : segment.Results.Where(keep));
            token = segment.ContinuationToken;
        }
        while (token is not null && (limit is null || rows.Count < limit));

        return limit is null || rows.Count <= limit ? rows : rows.GetRange(0, limit.Value);
    }

    public static string And(string left, string right) => TableQuery.CombineFilters(left, TableOperators.And, right);

    public static string Partition(string partitionKey) =>
        TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, partitionKey);

    /// <summary>Rows of one partition whose RowKey is in [from, to).</summary>
    public static string RowRange(string partitionKey, string from, string to) =>
        TableQuery.CombineFilters(
            Partition(partitionKey),
            TableOperators.And,
            TableQuery.CombineFilters(
                TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThanOrEqual, from),
                TableOperators.And,
                TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.LessThan, to)));
}
