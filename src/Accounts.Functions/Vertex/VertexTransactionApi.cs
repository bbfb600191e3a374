using Accounts.Core.Kyc;

namespace Accounts.Functions.Vertex;

/// <summary>list and get_transaction of seed 004.</summary>
public static class VertexTransactionApi
{
    public static async Task<IResult> List(HttpContext http, EntityTransactionService transactions)
    {
        var caller = VertexCaller.Of(http);
        var accountId = VertexInput.Uuid((await VertexInput.BodyAsync<VertexAccountIdRequest>(http)).AccountId, "account_id");
        var tenantId = caller.TenantId(VertexAccountApi.AccountNotFound(accountId));
        var book = await transactions.ListAsync(tenantId, accountId, http.RequestAborted);
        return Results.Json(new VertexTransactions(book.Account.Id,
            book.Transactions.Select(t => VertexTransactionMapper.ToWire(t, book.Entity)).ToList()), VertexJson.Options);
    }

    public static async Task<IResult> GetTransaction(HttpContext http, EntityTransactionService transactions)
    {
        var caller = VertexCaller.Of(http);
        var txId = (await VertexInput.BodyAsync<VertexTxIdRequest>(http)).TxId;
        TransactionId.Parse(txId, "tx_id");
        var tenantId = caller.TenantId($"transaction {txId!.Trim()} was not found");
        var (_, entity, transaction) = await transactions.GetAsync(tenantId, txId, http.RequestAborted);
        return Results.Json(new VertexTransactionReply(VertexTransactionMapper.ToWire(transaction, entity)), VertexJson.Options);
    }
}

/// <summary>Body of get_transaction (seed 004).</summary>
public sealed record VertexTxIdRequest(string? TxId);

/// <summary>Reply of list (seed 004).</summary>
public sealed record VertexTransactions(string AccountId, IReadOnlyList<VertexTransaction> Transactions);

/// <summary>Reply of get_transaction (seed 004).</summary>
public sealed record VertexTransactionReply(VertexTransaction Transaction);
