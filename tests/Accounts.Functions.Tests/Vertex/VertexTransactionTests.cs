using System.Text.Json;
using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Storage;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static Accounts.Functions.Tests.Vertex.VertexSession;

namespace Accounts.Functions.Tests.Vertex;

/// <summary>list and get_transaction: deposits as seed 004 transactions, running balances, statuses, hash-chain checks.</summary>
[Collection(AppCollection.Name)]
public sealed class VertexTransactionTests(AppFixture app)
{
    private static readonly string[] Fields =
    [
        "tx_id", "parent_tx_id", "date", "amount", "ref", "status", "tx_sha", "user_id", "added_by", "tx_type", "tx_payment_type", "fee",
        "recipient_name", "credit", "debit", "running_balance", "verified",
    ];

    private Task<VertexSession> StartAsync() => VertexSession.StartAsync(app.Services, app.CreateClient);

    [Fact]
    public async Task Deposits_appear_oldest_first_with_every_field_and_the_running_balance()
    {
        var session = await StartAsync();
        var (entityId, accountId) = await session.ApprovedEntityAsync();
        var first = await session.CreditAsync(accountId, "dep-1", "100.50");
        await session.CreditAsync(accountId, "dep-2", "20.00", EntryStatus.Pending);
        await session.CreditAsync(accountId, "dep-3", "9.50");

        var (status, body) = await session.AccountAsync("list", new { account_id = accountId });

        Assert.Equal(200, status);
        Assert.Equal(accountId, body.GetProperty("account_id").GetString());
        var txs = body.GetProperty("transactions").EnumerateArray().ToList();
        Assert.All(txs, t => Assert.Equal(Fields, t.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(["dep-1", "dep-2", "dep-3"], txs.Select(t => Text(t, "ref")));
        Assert.Equal(["100.50", "20.00", "9.50"], txs.Select(t => Text(t, "amount")));
        Assert.Equal(["Successful", "Pending", "Successful"], txs.Select(t => Text(t, "status")));
        Assert.Equal(["100.50", "100.50", "110.00"], txs.Select(t => Text(t, "running_balance")));
        Assert.All(txs, t => Assert.True(t.GetProperty("verified").GetBoolean()));
        var tx = txs[0];
        Assert.Equal($"{accountId}.{first.Id}", Text(tx, "tx_id"));
        Assert.Equal((first.Hash, "", entityId, "system"), (Text(tx, "tx_sha"), Text(tx, "parent_tx_id"), Text(tx, "user_id"), Text(tx, "added_by")));
        Assert.Equal(("deposit", "credit", "0.00", "Thandi Nkosi"), (Text(tx, "tx_type"), Text(tx, "tx_payment_type"), Text(tx, "fee"),
            Text(tx, "recipient_name")));
        Assert.Equal(("100.50", "0.00"), (Text(tx, "credit"), Text(tx, "debit")));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", Text(tx, "date"));
    }

    [Fact]
    public async Task A_reversed_deposit_shows_Reversed_and_the_reversal_names_it_as_parent()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        var original = await session.CreditAsync(accountId, "dep-1", "50.00");
        await session.FailAsync(accountId, "dep-2", "5.00");
        var reversal = await session.ReverseAsync(accountId, original);

        var txs = (await session.AccountAsync("list", new { account_id = accountId })).Body.GetProperty("transactions").EnumerateArray().ToList();
        var details = (await session.AccountAsync("get_details", new { account_id = accountId })).Body;

        Assert.Equal(["Reversed", "Failed", "Successful"], txs.Select(t => Text(t, "status")));
        Assert.Equal($"{accountId}.{original.Id}", Text(txs[2], "parent_tx_id"));
        Assert.Equal($"{accountId}.{reversal.Id}", Text(txs[2], "tx_id"));
        Assert.Equal(("reversal", "debit", "0.00", "50.00"), (Text(txs[2], "tx_type"), Text(txs[2], "tx_payment_type"),
            Text(txs[2], "credit"), Text(txs[2], "debit")));
        Assert.Equal("0.00", Text(txs[2], "running_balance"));
        Assert.Equal("0.00", details.GetProperty("balance").GetString());
    }

    [Fact]
    public async Task Get_transaction_answers_the_same_object_as_list()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        await session.CreditAsync(accountId, "dep-1", "12.34");
        var listed = (await session.AccountAsync("list", new { account_id = accountId })).Body.GetProperty("transactions")[0];

        var (status, body) = await session.AccountAsync("get_transaction", new { tx_id = Text(listed, "tx_id") });

        Assert.Equal(200, status);
        Assert.Equal(listed.GetRawText(), body.GetProperty("transaction").GetRawText());
    }

    [Fact]
    public async Task An_unknown_transaction_is_404()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        var txId = $"{accountId}.{Guid.NewGuid()}";

        var (status, body) = await session.AccountAsync("get_transaction", new { tx_id = txId });

        AssertError(404, status, body, "not_found", mentions: $"transaction {txId} was not found");
    }

    [Fact]
    public async Task A_tampered_row_makes_verified_false_from_that_entry_on()
    {
        var session = await StartAsync();
        var (_, accountId) = await session.ApprovedEntityAsync();
        var entries = new List<LedgerEntry>();
        for (var i = 1; i <= 4; i++)
        {
            entries.Add(await session.CreditAsync(accountId, $"dep-{i}", $"{i}0.00"));
        }

        await TamperAsync(session, accountId, entries[1].Id);

        var txs = (await session.AccountAsync("list", new { account_id = accountId })).Body.GetProperty("transactions").EnumerateArray().ToList();
        var single = (await session.AccountAsync("get_transaction", new { tx_id = $"{accountId}.{entries[1].Id}" })).Body.GetProperty("transaction");
        var before = (await session.AccountAsync("get_transaction", new { tx_id = $"{accountId}.{entries[0].Id}" })).Body.GetProperty("transaction");

        Assert.Equal([true, false, false, false], txs.Select(t => t.GetProperty("verified").GetBoolean()));
        Assert.Equal("9999.00", Text(txs[1], "amount"));
        Assert.False(single.GetProperty("verified").GetBoolean());
        Assert.True(before.GetProperty("verified").GetBoolean());
    }

    /// <summary>Edits an entry's amount directly in Table Storage, as an attacker with storage access could.</summary>
    private static async Task TamperAsync(VertexSession session, string accountId, string entryId)
    {
        var table = session.Services.GetRequiredService<StorageTables>().Ledger;
        var partition = KeyEncoder.Encode(Books.OfAccount(session.Tenant.Id, accountId));
        var rows = new List<TableEntity>();
        await foreach (var entry in table.Client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Id eq {entryId}")))
        {
            rows.Add(entry);
        }

        var row = Assert.Single(rows);
        row["AmountMinor"] = 999_900L;
        await table.Client.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
