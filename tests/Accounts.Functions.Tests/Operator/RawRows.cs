using Accounts.Storage.Tables;
using Azure.Data.Tables;
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
            // The client follows continuation tokens; keys and service metadata are not stored properties.
            await foreach (var e in table.Client.QueryAsync<TableEntity>())
            {
                rows.Add(new Row(table.Name, e.PartitionKey, e.RowKey, e
                    .Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                    .ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty)));
            }
        }

        return rows;
    }
}
