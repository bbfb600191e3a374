using Accounts.Functions.Internal;

namespace Accounts.Functions.OpenApi;

/// <summary>The Internal document (seed 002): camelCase bodies, <c>{"error": {code, message, field}}</c> errors.</summary>
public static class InternalDocument
{
    private const string Key = "internalApiKey";
    private const string Token = "internalBearer";
    private static readonly string[] Authenticated = [Key, Token];
    private static readonly ParameterDoc[] Agent = [ParameterDoc.Header("User-Agent", "Identifies the calling application.", "ConomyApp")];

    private const string AccountExample = """
        {"id": "text", "identityId": "text", "externalId": "text", "type": "CHECKING", "custody": "text", "balance": "text",
         "availableFunds": "text", "currency": "text", "name": "text", "accountNumber": "text", "accountHolder": "text",
         "status": "text", "parentId": "text", "subAccounts": {"balance": "text", "availableFunds": "text"},
         "custodyBankAccount": {"accountNumber": "text", "bank": "text", "currency": "text", "typeAccount": "text", "country": "text"}}
        """;

    public static DialectDoc Doc { get; } = new("internal", "Internal ledger accounts",
        "Seed 002: internal accounts of an identity, held with a custodian, with parent and sub-accounts. Needs x-api-key, "
        + "User-Agent and a bearer token (from POST /zoqq/api/v1/auth/token); bodies are camelCase.", InternalJson.Options)
    {
        RoutePrefixes = ["accounts"],
        ErrorBody = typeof(InternalError),
        ErrorExample = """{"error": {"code": "INVALID_REQUEST", "message": "identityId is required", "field": "identityId"}}""",
        Security =
        [
            SecurityDoc.Key(Key, "x-api-key", "The tenant's API key (dev: dev-api-key)."),
            SecurityDoc.Bearer(Token, "access_token from POST /zoqq/api/v1/auth/token."),
        ],
        Operations = new Dictionary<string, OperationDoc>
        {
            ["InternalListAccounts"] = new("List accounts")
            {
                Description = "Filtered, oldest first; pagination.next/previous are cursors to pass back as next.",
                Responses = { [200] = typeof(InternalListResponse) },
                Parameters =
                [
                    .. Agent,
                    ParameterDoc.Query("parentId", "Only sub-accounts of this account."),
                    ParameterDoc.Query("accountNumber", "Exact account number."),
                    ParameterDoc.Query("externalId", "Your own reference."),
                    ParameterDoc.Query("identityId", "The owning identity."),
                    ParameterDoc.Query("type", "Account type.", "CHECKING"),
                    ParameterDoc.Query("currency", "ISO currency code.", "PKR"),
                    ParameterDoc.Query("status", "ACTIVE or BLOCKED.", "ACTIVE"),
                    ParameterDoc.Query("startDate", "Created on or after (dd/MM/yyyy).", "01/01/2026"),
                    ParameterDoc.Query("endDate", "Created on or before (dd/MM/yyyy).", "31/12/2026"),
                    ParameterDoc.Query("limit", "1 to " + InternalQuery.MaxLimit + " (default " + InternalQuery.DefaultLimit + ").", "10"),
                    ParameterDoc.Query("offset", "Items to skip (default 0).", "0"),
                    ParameterDoc.Query("next", "Cursor from pagination.next or .previous."),
                ],
                Security = Authenticated,
            },
            ["InternalCreateAccount"] = new("Create an account")
            {
                Description = "identityId, type, custody, currency and name are required; parentId makes it a sub-account.",
                Request = typeof(InternalCreateRequest),
                RequestExample = """
                    {"identityId": "069b63ba-a8cd-4b0e-bb2f-ffc7d71f2dac", "externalId": "1", "type": "real", "custody": "dev-custodian",
                     "currency": "PKR", "name": "Auto Loan Account", "parentId": "a3f87719-1dd7-46c7-9953-e0f3a71542a3"}
                    """,
                Responses = { [201] = typeof(InternalAccount) },
                ResponseExample = AccountExample,
                Errors = [404, 409],
                Parameters = Agent,
                Security = Authenticated,
            },
            ["InternalGetAccount"] = new("Get an account")
            {
                Responses = { [200] = typeof(InternalAccount) },
                ResponseExample = AccountExample,
                Errors = [404],
                Parameters = Agent,
                Security = Authenticated,
            },
            ["InternalUpdateAccount"] = new("Update an account")
            {
                Description = "name, externalId and status (ACTIVE, BLOCKED, CLOSED) may change.",
                Request = typeof(InternalUpdateRequest),
                RequestExample = """{"status": "BLOCKED"}""",
                Responses = { [200] = typeof(InternalAccount) },
                Errors = [404, 409],
                Parameters = Agent,
                Security = Authenticated,
            },
            ["InternalDeleteAccount"] = new("Close an account")
            {
                Responses = { [204] = null },
                Errors = [404, 409],
                Parameters = Agent,
                Security = Authenticated,
            },
        },
    };
}
