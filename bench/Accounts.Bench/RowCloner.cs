using System.Globalization;
using System.Reflection;
using Accounts.Storage;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Bench;

/// <summary>
/// Grows a tenant to many accounts quickly: the rows the app wrote for one template account (opened over HTTP) are
/// copied with a new id and number into the same shared partitions (the tenant's and holder's rows), 100 to an
/// entity-group transaction. Rows in per-account partitions (number claims, point-lookup indexes, an account's own
/// list of sub-accounts) are not copied: a list never needs them, and copying them one by one would take longer than
/// the benchmark. Whatever rows the stores write is found by looking for the template's id and number, so the copy
/// follows the store's format as it changes.
/// The account lists the template was appended to (partitions "…|list|…", found by its member row "a|{generation}|{id}")
/// are grown as the store grows them: each copy takes the next position (slot "s|{generation}|{position:D12}" and member
/// row), and the list's head is then replaced at its ETag with the new count, so pages and totals see the copies.
/// </summary>
public sealed class RowCloner
{
    private const string ListMarker = "|list|";

    private readonly List<(StorageTable Table, TableEntity Row)> _rows;
    private readonly List<(StorageTable Table, string Partition, string Generation)> _lists;
    private readonly string _id;
    private readonly string _number;
    private long _serial;

    private RowCloner(List<(StorageTable, TableEntity)> rows, List<(StorageTable, string, string)> lists, string id, string number,
        long firstSerial)
    {
        _rows = rows;
        _lists = lists;
        _id = id;
        _number = number;
        _serial = firstSerial;
    }

    /// <summary>
    /// Finds the template's rows among the tenant's partitions only (the tenant's own, and those named "{tenant}|…"): a
    /// scan of whole tables grows with every tenant grown before, and Azurite sorts all of a query's matches on each page.
    /// </summary>
    public static async Task<RowCloner> OfAsync(StorageTables tables, string tenantId, string accountId, string accountNumber, long firstSerial)
    {
        var rows = new List<(StorageTable, TableEntity)>();
        var lists = new List<(StorageTable, string, string)>();
        var tenant = KeyEncoder.Encode(tenantId);
        var tenantPartitions = $"PartitionKey eq '{tenant}' or (PartitionKey ge '{tenant}|' and PartitionKey lt '{tenant}}}')";
        foreach (var table in AllTables(tables))
        {
            await foreach (var row in table.Client.QueryAsync<TableEntity>(tenantPartitions))
            {
                var keys = row.PartitionKey + "|" + row.RowKey;
                if (row.PartitionKey.Contains(accountId, StringComparison.Ordinal)
                    || row.PartitionKey.Contains(accountNumber, StringComparison.Ordinal)
                    || !(keys.Contains(accountId, StringComparison.Ordinal) || keys.Contains(accountNumber, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (!row.PartitionKey.Contains(ListMarker, StringComparison.Ordinal))
                {
                    rows.Add((table, row));
                }
                else if (row.RowKey.StartsWith("a|", StringComparison.Ordinal))
                {
                    lists.Add((table, row.PartitionKey, row.RowKey.Split('|')[1]));
                }
            }
        }

        return rows.Count > 0
            ? new RowCloner(rows, lists, accountId, accountNumber, firstSerial)
            : throw new InvalidOperationException($"no list rows of account {accountId} were found");
    }

    /// <summary>Adds <paramref name="copies"/> accounts; returns how many rows were written.</summary>
    public async Task<int> AddAsync(int copies)
    {
        var accounts = Enumerable.Range(0, copies).Select(_ => NewAccount()).ToList();
        var rows = accounts.SelectMany(a => Copy(a.Id, a.Number)).ToList();
        var heads = new List<(StorageTable Table, TableEntity Head)>();
        foreach (var (table, partition, generation) in _lists)
        {
            var head = (await table.Client.GetEntityAsync<TableEntity>(partition, "h|" + partition)).Value;
            var first = head.GetInt64("Appended") ?? throw new InvalidDataException($"list head {partition} has no Appended");
            rows.AddRange(accounts.SelectMany((a, i) => ListRows(table, partition, generation, first + i, a.Id)));
            head["Appended"] = first + copies;
            heads.Add((table, head));
        }

        var batches = new List<(StorageTable Table, List<TableTransactionAction> Actions)>();
        foreach (var group in rows.GroupBy(c => (c.Table.Name, c.Row.PartitionKey)))
        {
            foreach (var chunk in group.Chunk(100))
            {
                batches.Add((chunk[0].Table, chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c.Row)).ToList()));
            }
        }

        await Load.RunAsync(batches.Count, i => batches[i].Table.Once.SubmitTransactionAsync(batches[i].Actions), concurrency: 8);

        // The heads last, at the ETag they were read with: until then the new positions lie past every head.
        foreach (var (table, head) in heads)
        {
            await table.Once.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace);
        }

        return rows.Count + heads.Count;
    }

    private (string Id, string Number) NewAccount()
    {
        var serial = Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture);
        return (Guid.CreateVersion7().ToString(), serial.PadLeft(_number.Length, '0')[^_number.Length..]);
    }

    private static IEnumerable<(StorageTable Table, TableEntity Row)> ListRows(StorageTable table, string partition, string generation,
        long position, string id)
    {
        yield return (table, new TableEntity(partition, $"s|{generation}|{position.ToString("D12", CultureInfo.InvariantCulture)}")
        {
            ["AccountId"] = id,
        });
        yield return (table, new TableEntity(partition, $"a|{generation}|{id}") { ["Position"] = position });
    }

    private IEnumerable<(StorageTable Table, TableEntity Row)> Copy(string id, string number)
    {
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
