using System.Globalization;
using System.Reflection;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Bench;

/// <summary>
/// Grows a tenant to many accounts quickly: the rows the app wrote for one template account (opened over HTTP) are
/// copied with a new id and number into the same shared partitions (the tenant's and holder's list rows), 100 to an
/// entity-group transaction. Rows in per-account partitions (number claims, point-lookup indexes) are not copied: a
/// list never reads them, and copying them one by one would take longer than the benchmark. Whatever rows the stores
/// write is found by looking for the template's id and number, so the copy follows the store's format as it changes.
/// </summary>
public sealed class RowCloner
{
    private readonly List<(StorageTable Table, TableEntity Row)> _rows;
    private readonly string _id;
    private readonly string _number;
    private long _serial;

    private RowCloner(List<(StorageTable, TableEntity)> rows, string id, string number, long firstSerial)
    {
        _rows = rows;
        _id = id;
        _number = number;
        _serial = firstSerial;
    }

    public static async Task<RowCloner> OfAsync(StorageTables tables, string accountId, string accountNumber, long firstSerial)
    {
        var rows = new List<(StorageTable, TableEntity)>();
        foreach (var table in AllTables(tables))
        {
            await foreach (var row in table.Client.QueryAsync<TableEntity>())
            {
                var keys = row.PartitionKey + "|" + row.RowKey;
                if (!row.PartitionKey.Contains(accountId, StringComparison.Ordinal)
                    && !row.PartitionKey.Contains(accountNumber, StringComparison.Ordinal)
                    && (keys.Contains(accountId, StringComparison.Ordinal) || keys.Contains(accountNumber, StringComparison.Ordinal)))
                {
                    rows.Add((table, row));
                }
            }
        }

        return rows.Count > 0
            ? new RowCloner(rows, accountId, accountNumber, firstSerial)
            : throw new InvalidOperationException($"no list rows of account {accountId} were found");
    }

    /// <summary>Adds <paramref name="copies"/> accounts; returns how many rows were written.</summary>
    public async Task<int> AddAsync(int copies)
    {
        var batches = new List<(StorageTable Table, List<TableTransactionAction> Actions)>();
        foreach (var group in Enumerable.Range(0, copies).SelectMany(_ => Copy()).GroupBy(c => (c.Table.Name, c.Row.PartitionKey)))
        {
            foreach (var chunk in group.Chunk(100))
            {
                batches.Add((chunk[0].Table, chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c.Row)).ToList()));
            }
        }

        await Load.RunAsync(batches.Count, i => batches[i].Table.Once.SubmitTransactionAsync(batches[i].Actions), concurrency: 8);
        return batches.Sum(b => b.Actions.Count);
    }

    private IEnumerable<(StorageTable Table, TableEntity Row)> Copy()
    {
        var id = Guid.CreateVersion7().ToString();
        var serial = Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture);
        var number = serial.PadLeft(_number.Length, '0')[^_number.Length..];
        foreach (var (table, template) in _rows)
        {
            var row = new TableEntity(Swap(template.PartitionKey, id, number), Swap(template.RowKey, id, number));
            foreach (var (name, value) in template)
            {
                if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    row[name] = value is string text ? Swap(text, id, number) : value;
                }
            }

            yield return (table, row);
        }
    }

    private string Swap(string text, string id, string number) =>
        text.Replace(_id, id, StringComparison.Ordinal).Replace(_number, number, StringComparison.Ordinal);

    private static IEnumerable<StorageTable> AllTables(StorageTables tables) =>
        typeof(StorageTables).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(StorageTable))
            .Select(p => (StorageTable)p.GetValue(tables)!);
}
