using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using Accounts.Storage;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>
/// A Vertex account's book as stored: many entries posted through the ledger (the commit path every deposit takes),
/// edits to its rows as someone with storage access could make them, and list pages read through the cursor.
/// </summary>
public sealed class VertexBookRows(VertexSession session, string accountId)
{
    private StorageTable Table => session.Services.GetRequiredService<StorageTables>().Ledger;

    private string Partition => KeyEncoder.Encode(Books.OfAccount(session.Tenant.Id, accountId));

    /// <summary>Settled deposits "bulk-{first}"… of 1.00 each, committed by the ledger service (grouped as it groups them).</summary>
    public async Task<IReadOnlyList<LedgerEntry>> PostSettledAsync(int count, int first = 1)
    {
        var ledger = session.Services.GetRequiredService<LedgerService>();
        var book = Books.OfAccount(session.Tenant.Id, accountId);
        var results = await Task.WhenAll(Enumerable.Range(first, count).Select(i => ledger.PostAsync(book, new Posting($"dep:bulk-{i}:settled",
            accountId, EntryType.Deposit, Direction.Credit, EntryStatus.Settled, new Money(100, new Currency("ZAR", 2)),
            BalanceDelta.SettledCredit(100), $"Deposit bulk-{i}"), CancellationToken.None)));
        return results.Select(r => r.Entry).OrderBy(e => e.Sequence).ToList();
    }

    /// <summary>Every page of the list with <paramref name="limit"/>, following next_cursor; the transactions in the order received.</summary>
    public async Task<List<JsonElement>> AllPagesAsync(int limit, int maxPages = 1000)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var (status, body) = await session.AccountAsync("list", new { account_id = accountId, limit, cursor });
            Assert.True(status == 200, $"{status} {body}");
            all.AddRange(body.GetProperty("transactions").EnumerateArray());
            if (body.GetProperty("next_cursor").ValueKind == JsonValueKind.Null)
            {
                return all;
            }

            cursor = body.GetProperty("next_cursor").GetString();
        }

        throw new InvalidOperationException($"more than {maxPages} pages");
    }

    /// <summary>Replaces properties of the stored row of the entry at <paramref name="sequence"/>.</summary>
    public async Task EditEntryAsync(long sequence, Action<TableEntity> edit)
    {
        var row = Assert.Single(await RowsAsync($"RowKey ge 'e|' and RowKey lt 'e}}' and Sequence eq {sequence}L"));
        edit(row);
        await Table.Client.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
    }

    /// <summary>
    /// Replaces the checkpoint stored for <paramref name="block"/> of the sequence index: on its row ("n|{block}|{partition}")
    /// once the block is complete, or on the keyed head ("IndexStart") while the head carries the block.
    /// </summary>
    public async Task ForgeCheckpointAsync(long block, string hash)
    {
        var stored = await Table.Client.GetEntityIfExistsAsync<TableEntity>(Partition, $"n|{block:D10}|{Partition}");
        var row = stored.HasValue ? stored.Value : null;
        if (row is null)
        {
            row = (await Table.Client.GetEntityAsync<TableEntity>(Partition, $"head|{Partition}")).Value;
            Assert.Equal(block, row.GetInt64("IndexBlock"));
        }

        row[row.RowKey.StartsWith("head|", StringComparison.Ordinal) ? "IndexStart" : "Start"] = hash;
        await Table.Client.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
    }

    /// <summary>
    /// Makes the book look as books written before the sequence index: no index rows, no index on the head, no entry
    /// keys on references.
    /// </summary>
    public async Task RemoveIndexAsync()
    {
        foreach (var row in await IndexRowsAsync())
        {
            await Table.Client.DeleteEntityAsync(Partition, row.RowKey);
        }

        var head = (await Table.Client.GetEntityAsync<TableEntity>(Partition, $"head|{Partition}")).Value;
        Assert.True(head.Remove("IndexBlock"), "the keyed head carried no index block");
        head.Remove("IndexStart");
        foreach (var slot in head.Keys.Where(key => key.Length == 3 && key[0] == 'T' && char.IsAsciiDigit(key[1])).ToList())
        {
            head.Remove(slot);
        }

        await Table.Client.UpdateEntityAsync(head, ETag.All, TableUpdateMode.Replace);
        foreach (var row in await RowsAsync("RowKey ge 'ref|' and RowKey lt 'ref}'"))
        {
            Assert.True(row.Remove("EntryKey"), $"reference row {row.RowKey} had no entry key");
            await Table.Client.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
        }
    }

    public Task<List<TableEntity>> IndexRowsAsync() => RowsAsync("RowKey ge 'n|' and RowKey lt 'n}'");

    private async Task<List<TableEntity>> RowsAsync(string filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.Client.QueryAsync<TableEntity>($"{TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")} and {filter}"))
        {
            rows.Add(row);
        }

        return rows;
    }
}
