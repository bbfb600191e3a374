using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Operator;

/// <summary>Every row of the app's tables exactly as stored, for asserting what never reaches storage.</summary>
public static class RawRows
{
    public sealed record Row(string Table, string PartitionKey, string RowKey, IReadOnlyDictionary<string, string> Properties)
    {
        public string Keys => PartitionKey + "\n" + RowKey;

        public string Text => Keys + "\n" + string.Join("\n", Properties.Select(p => $"{p.Key}={p.Value}"));
    }

    public static async Task<List<Row>> ReadAllAsync(IServiceProvider services)
    {
        var rows = new List<Row>();
        foreach (var table in services.GetRequiredService<StorageTables>().All)
        {
            TableContinuationToken? token = null;
            do
            {
                var segment = await table.ExecuteQuerySegmentedAsync(new TableQuery(), token);
                rows.AddRange(segment.Results.Select(e => new Row(table.Name, e.PartitionKey, e.RowKey,
                    e.Properties.ToDictionary(p => p.Key, p => p.Value.PropertyAsObject?.ToString() ?? string.Empty))));
                token = segment.ContinuationToken;
            }
            while (token is not null);
        }

        return rows;
    }
}
