using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Accounts.Core.Errors;
using Accounts.Core.Kyc;

namespace Accounts.Functions.Vertex;

/// <summary>list and get_transaction of seed 004.</summary>
public static class VertexTransactionApi
{
    public static async Task<IResult> List(HttpContext http, EntityTransactionService transactions)
    {
        var caller = VertexCaller.Of(http);
        var request = await VertexInput.BodyAsync<VertexListRequest>(http);
        var accountId = VertexInput.Uuid(request.AccountId, "account_id");
        var limit = request.Limit ?? EntityTransactionService.DefaultLimit;
        if (limit is < 1 or > EntityTransactionService.MaxLimit)
        {
            throw DomainException.Invalid("limit", $"limit must be a whole number from 1 to {EntityTransactionService.MaxLimit}");
        }

        var from = request.Cursor is null ? 1 : VertexCursor.Parse(request.Cursor, accountId);
        var tenantId = caller.TenantId(VertexAccountApi.AccountNotFound(accountId));
        var page = await transactions.ListAsync(tenantId, accountId, from, limit, "cursor", http.RequestAborted);
        return Results.Json(new VertexTransactions(page.Account.Id,
            page.Transactions.Select(t => VertexTransactionMapper.ToWire(t, page.Entity)).ToList(),
            page.Next is { } next ? VertexCursor.Of(page.Account.Id, next) : null), VertexJson.Options);
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

/// <summary>
/// The list's opaque cursor: the account and the sequence its next page starts at, base64url-encoded. Naming the
/// account lets a cursor passed with another account be refused instead of silently paging the wrong book.
/// </summary>
public static class VertexCursor
{
    public static string Of(string accountId, long sequence) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{accountId}:{sequence}")));

    /// <summary>The sequence <paramref name="cursor"/> names; anything else is a validation error naming "cursor".</summary>
    public static long Parse(string cursor, string accountId)
    {
        var invalid = DomainException.Invalid("cursor", "cursor is not valid: pass the next_cursor of the previous page unchanged");
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor.Trim());
        }
        catch (FormatException)
        {
            throw invalid;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            throw invalid;
        }

        return parts[0] == accountId
            ? sequence
            : throw DomainException.Invalid("cursor", "cursor belongs to another account's list: pass it with the account_id it came from");
    }
}

/// <summary>Body of list (seed 004), with paging: limit (1–1000, default 100) and the cursor of the previous page.</summary>
public sealed record VertexListRequest(string? AccountId, int? Limit = null, string? Cursor = null);

/// <summary>Body of get_transaction (seed 004).</summary>
public sealed record VertexTxIdRequest(string? TxId);

/// <summary>Reply of list (seed 004), and the cursor of the next page (null after the last).</summary>
public sealed record VertexTransactions(string AccountId, IReadOnlyList<VertexTransaction> Transactions, string? NextCursor);

/// <summary>Reply of get_transaction (seed 004).</summary>
public sealed record VertexTransactionReply(VertexTransaction Transaction);
