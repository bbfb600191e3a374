using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Internal;
using Accounts.Core.Kyc;
using Accounts.Core.Money;

namespace Accounts.Functions.Vertex;

/// <summary>create, get_by_entity and get_details of seed 004.</summary>
public static class VertexAccountApi
{
    public static async Task<IResult> Create(HttpContext http, EntityProduct accounts)
    {
        var caller = VertexCaller.Of(http);
        var entityId = VertexInput.Uuid((await VertexInput.BodyAsync<VertexEntityIdRequest>(http)).EntityId, "entity_id");
        var account = await accounts.CreateAsync(caller.TenantId(EntityNotFound(entityId)), entityId, http.RequestAborted);
        return Results.Json(new VertexCreatedAccount(account.Id, account.HolderId, account.AccountNumber, account.Country,
            VertexJson.Time(account.CreatedAt)), VertexJson.Options);
    }

    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>A page of the entity's accounts, oldest first: <c>limit</c> (default 100, at most 1000) from <c>cursor</c>.</summary>
    public static async Task<IResult> GetByEntity(HttpContext http, EntityProduct accounts)
    {
        var caller = VertexCaller.Of(http);
        var body = await VertexInput.BodyAsync<VertexGetByEntityRequest>(http);
        var entityId = VertexInput.Uuid(body.EntityId, "entity_id");
        var limit = body.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw DomainException.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}");
        }

        var from = body.Cursor is null ? 0 : ListCursor.Decode(body.Cursor, "cursor").Position;
        var (entity, owned, next) = await accounts.ListByEntityAsync(caller.TenantId(EntityNotFound(entityId)), entityId, from, limit,
            http.RequestAborted);
        return Results.Json(new VertexEntityAccounts(entity.Id, owned.Select(a =>
            new VertexEntityAccount(a.Id, a.AccountNumber, VertexJson.Time(a.CreatedAt), Metadata(a))).ToList(),
            next is { } position ? new ListCursor(position).Encode() : null), VertexJson.Options);
    }

    public static async Task<IResult> GetDetails(HttpContext http, AccountLifecycle lifecycle)
    {
        var caller = VertexCaller.Of(http);
        var accountId = VertexInput.Uuid((await VertexInput.BodyAsync<VertexAccountIdRequest>(http)).AccountId, "account_id");

        // The account alone: the reply shows nothing of its entity, and an entity is never deleted once it has accounts.
        var account = await lifecycle.ShowAsync(caller.TenantId(AccountNotFound(accountId)), accountId, AccountKind.Entity, null, http.RequestAborted);
        var balance = await lifecycle.BalanceAsync(account, http.RequestAborted);
        return Results.Json(new VertexAccountDetails(account.Id, account.AccountNumber, Money.Format(balance.Posted, balance.Currency),
            Money.Format(balance.Available, balance.Currency), Metadata(account)), VertexJson.Options);
    }

    /// <summary>The seed leaves metadata open; it carries what the replies otherwise lack: currency, country, status.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(Account account) => new Dictionary<string, string>
    {
        ["currency"] = account.Currency,
        ["country"] = account.Country,
        ["status"] = account.Status.ToString().ToLowerInvariant(),
    };

    public static string EntityNotFound(string entityId) => $"entity {entityId} was not found";

    public static string AccountNotFound(string accountId) => $"account {accountId} was not found";
}

/// <summary>Body of create (seed 004).</summary>
public sealed record VertexEntityIdRequest(string? EntityId);

/// <summary>Body of get_by_entity (seed 004) with its page: <c>limit</c> and the <c>cursor</c> of a previous reply's next_cursor.</summary>
public sealed record VertexGetByEntityRequest(string? EntityId, int? Limit, string? Cursor);

/// <summary>Bodies of get_details and list (seed 004).</summary>
public sealed record VertexAccountIdRequest(string? AccountId);

/// <summary>Reply of create (seed 004).</summary>
public sealed record VertexCreatedAccount(string AccountId, string EntityId, string AccountNumber, string Country, string CreatedAt);

/// <summary>Reply of get_by_entity (seed 004); <see cref="NextCursor"/> asks for the next page, null at the end.</summary>
public sealed record VertexEntityAccounts(string EntityId, IReadOnlyList<VertexEntityAccount> Accounts, string? NextCursor);

/// <summary>An account in the get_by_entity reply (seed 004).</summary>
public sealed record VertexEntityAccount(string AccountId, string AccountNumber, string CreatedAt, IReadOnlyDictionary<string, string> Metadata);

/// <summary>Reply of get_details (seed 004); balances are decimal strings.</summary>
public sealed record VertexAccountDetails(string AccountId, string AccountNumber, string Balance, string AvailableBalance,
    IReadOnlyDictionary<string, string> Metadata);
