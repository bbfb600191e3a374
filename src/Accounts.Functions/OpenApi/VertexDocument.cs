using Accounts.Functions.Vertex;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// The Vertex document (seed 004): subject <c>svc.account.&lt;partner_id&gt;.&lt;operation&gt;</c> is
/// <c>POST /svc/account/{partner_id}/{operation}</c>; every body is snake_case.
/// </summary>
public static class VertexDocument
{
    private const string Key = "vertexApiKey";
    private static readonly string[] Authenticated = [Key];

    private static OperationDoc Op(string summary, Type request, string requestExample, Type response, string? description = null) =>
        new(summary)
        {
            Description = description,
            Request = request,
            RequestExample = requestExample,
            Responses = { [200] = response },
            Errors = [403, 404, 409],
            Security = Authenticated,
        };

    public static DialectDoc Doc { get; } = new("vertex", "Vertex entity accounts",
        "Seed 004: entities (KYC/KYB) and their accounts. partner_id in the path must be the API key's partner (403 otherwise).",
        VertexJson.Options)
    {
        RoutePrefixes = ["svc"],
        ErrorBody = typeof(VertexError),
        ErrorExample = """{"error": {"code": "not_found", "message": "entity 3f2504e0-4f89-41d3-9a0c-0305e82c3301 was not found", "field": null}}""",
        Security = [SecurityDoc.Key(Key, VertexAuthFilter.ApiKeyHeader, "The partner's API key (dev: dev-api-key, partner dev-partner).")],
        Operations = new Dictionary<string, OperationDoc>
        {
            ["VertexCreateEntity"] = Op("Create an entity", typeof(VertexCreateEntityRequest),
                """{"type": "business", "name": "Acme Ltd", "country": "ZAF"}""", typeof(VertexEntity), "type is personal or business; the entity starts pending."),
            ["VertexVerifyEntity"] = Op("Record the KYC/KYB decision", typeof(VertexVerifyEntityRequest),
                """{"entity_id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "status": "approved"}""", typeof(VertexEntity),
                "approved opens the entity's first account; rejected is final."),
            ["VertexCreateAccount"] = Op("Create account", typeof(VertexEntityIdRequest), """{"entity_id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}""",
                typeof(VertexCreatedAccount), "An additional account for an approved entity."),
            ["VertexGetAccountsByEntity"] = Op("Get accounts by entity id", typeof(VertexGetByEntityRequest),
                """{"entity_id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "limit": 100}""", typeof(VertexEntityAccounts),
                "Oldest first, one page at a time: limit (default " + VertexAccountApi.DefaultLimit + ", 1 to " + VertexAccountApi.MaxLimit
                + ") accounts from cursor (a previous reply's next_cursor; none: the start). next_cursor is null on the last page; "
                + "accounts is [] when there are none."),
            ["VertexGetAccountDetails"] = Op("Get account details", typeof(VertexAccountIdRequest),
                """{"account_id": "9b2f1c1e-7d4a-4c55-8a3e-1f0f6f3d2a11"}""", typeof(VertexAccountDetails)),
            ["VertexListTransactions"] = Op("Get transactions", typeof(VertexListRequest),
                """{"account_id": "9b2f1c1e-7d4a-4c55-8a3e-1f0f6f3d2a11", "limit": 100}""", typeof(VertexTransactions),
                "The account's transactions, oldest first, a page at a time. limit: 1 to 1000 (default 100). cursor: the next_cursor " +
                "of the previous page, unchanged (omit it for the first page); it belongs to the account_id it came from. " +
                "next_cursor is null after the last page. A page looks at no more than twice limit ledger entries, so it may " +
                "hold fewer than limit transactions (a pending deposit that later settled is shown once, as settled) while " +
                "next_cursor still leads to more. verified: the entry's hash chain re-computes from the checkpoint (every " +
                "100th entry) before it, and every later step that changes how it is shown checks out."),
            ["VertexGetTransaction"] = Op("Get transaction by id", typeof(VertexTxIdRequest), """{"tx_id": "string"}""", typeof(VertexTransactionReply),
                "The same object as in list; verified from the checkpoint before the entry."),
            ["VertexUnknownEntityOperation"] = Unknown("entity"),
            ["VertexUnknownAccountOperation"] = Unknown("account"),
        },
    };

    private static OperationDoc Unknown(string service) => new($"Any other {service} operation")
    {
        Description = "Subjects the seed does not define answer 404 in the error shape.",
        Errors = [404],
        Security = Authenticated,
    };
}
