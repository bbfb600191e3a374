using Accounts.Functions.Zoqq;

namespace Accounts.Functions.OpenApi;

/// <summary>The Zoqq document (seeds 000 and 001); examples are the seed's, trimmed to one item where it repeats.</summary>
public static class ZoqqDocument
{
    private const string Key = "zoqqApiKey";
    private const string Token = "zoqqBearer";

    private static readonly ParameterDoc ProductId = ParameterDoc.Header(ZoqqHeaders.ProductId, "The tenant's product id; must belong to x-api-key.", "dev-product");
    private static readonly ParameterDoc RequestId = ParameterDoc.Header(ZoqqHeaders.RequestId,
        "Idempotency key: a mutation repeated with the same key and body returns the first response; another body is 409.",
        "5d0f3c52-0f0e-4c4b-a3c4-2f6f3a2b9a10");
    private static readonly ParameterDoc UserId = ParameterDoc.Header(ZoqqHeaders.UserId, "The end user the accounts belong to.", "user-1");
    private static readonly ParameterDoc AccountId = ParameterDoc.Header(ZoqqHeaders.AccountId, "The account (id from create or list).", "account-id");

    private static readonly ParameterDoc[] Caller = [ProductId, RequestId, UserId];
    private static readonly string[] Authenticated = [Key, Token];

    private const string AccountExample = """
        {"status": "success", "message": "virtual_account created successfully", "code": 200, "data": [{
          "id": "account-id", "status": "ACTIVE", "account_number": "12345", "account_holder_name": "Demo",
          "label": "New Virtual Account", "account_type": "Current", "country_code": "SG",
          "institution": {"address": "12 Marina Boulevard, DBS Asia Central, Marina Bay Financial Centre Tower 3", "city": "Singapore", "name": "DBS Bank Ltd", "zip_code": "018982"},
          "supported_features": [{"currency": "SGD", "local_clearing_system": "FAST", "transfer_method": "LOCAL", "type": "DEPOSIT",
            "routing_codes": [{"type": "bank_code", "value": "7171"}, {"type": "branch_code", "value": "072"}]}],
          "required_features": [{"transfer_method": "LOCAL", "currency": "SGD"}],
          "swift_code": "swift-code", "iban": null}]}
        """;

    public static DialectDoc Doc { get; } = new("zoqq", "Zoqq global accounts",
        "Seeds 000 and 001: global accounts of an end user (x-user-id) with balances, transactions and balance history. "
        + "Get a bearer token from POST /zoqq/api/v1/auth/token with the client secret first. Every body is snake_case.",
        ZoqqJson.Options)
    {
        RoutePrefixes = ["zoqq"],
        ErrorBody = typeof(ZoqqError),
        ErrorExample = """{"code": 400, "status": "error", "message": "currency: currency is required"}""",
        CommonErrors = [400, 401, 500, 503],
        Security =
        [
            SecurityDoc.Key(Key, ZoqqHeaders.ApiKey, "The tenant's API key (dev: dev-api-key)."),
            SecurityDoc.Bearer(Token, "access_token from POST /zoqq/api/v1/auth/token; bound to the x-api-key it was issued under."),
        ],
        Operations = new Dictionary<string, OperationDoc>
        {
            ["ZoqqIssueToken"] = new("Issue an access token")
            {
                Description = "Exchanges the tenant's client secret for a bearer token (not wrapped in the envelope).",
                Request = typeof(ZoqqTokenApi.TokenRequest),
                RequestExample = """{"client_secret": "dev-client-secret"}""",
                Responses = { [200] = typeof(ZoqqTokenApi.TokenResponse) },
                ResponseExample = """{"access_token": "eyJhbGciOi...", "token_type": "Bearer", "expires_in": 3600}""",
                Parameters = [ProductId],
                Security = [Key],
            },
            ["ZoqqCreateAccount"] = new("Create account")
            {
                Description = "Creates a global account in the given currency with the requested transfer capabilities.",
                Request = typeof(ZoqqAccountRequest),
                RequestExample = """
                    {"type": "virtual_account", "country": "SG", "currency": "SGD", "label": "New Virtual Account",
                     "required_features": [{"currency": "SGD", "transfer_method": "LOCAL"}]}
                    """,
                Responses = { [200] = typeof(ZoqqEnvelope<ZoqqAccount[]>) },
                ResponseExample = AccountExample,
                Errors = [404, 409],
                Parameters = Caller,
                Security = Authenticated,
            },
            ["ZoqqGetAccounts"] = new("Get accounts")
            {
                Description = "The user's accounts, oldest first, one page (page, size) at a time; currency and status filter "
                    + "them; with id, that one account (404 when it is not the user's). A bad page or size is a 400 naming it.",
                Responses = { [200] = typeof(ZoqqEnvelope<List<ZoqqAccount>>) },
                Errors = [400, 404],
                Parameters = [.. Caller, .. Paging().Take(2)],
                Security = Authenticated,
            },
            ["ZoqqUpdateAccount"] = new("Update account")
            {
                Description = "Changes the label; the other create fields may be repeated but must equal the account's.",
                Request = typeof(ZoqqAccountRequest),
                RequestExample = """{"label": "SomeChangesForUpdate"}""",
                Responses = { [200] = typeof(ZoqqEnvelope<ZoqqAccount[]>) },
                Errors = [403, 404, 409],
                Parameters = [.. Caller, AccountId],
                Security = Authenticated,
            },
            ["ZoqqCloseAccount"] = new("Close account")
            {
                Description = "Closes the account permanently; data is null.",
                Responses = { [200] = typeof(ZoqqEnvelope<object>) },
                ResponseExample = """{"status": "success", "message": "virtual_account closed successfully", "code": 200, "data": null}""",
                Errors = [403, 404, 409],
                Parameters = [.. Caller, AccountId],
                Security = Authenticated,
            },
            ["ZoqqGetBalance"] = new("Get balance")
            {
                Description = "Available, pending and reserved amounts per currency.",
                Responses = { [200] = typeof(ZoqqEnvelope<List<ZoqqBalance>>) },
                ResponseExample = """
                    {"code": 200, "status": "success", "message": "", "data": [
                      {"currency": "SGD", "available_balance": 42.72, "pending_amount": 0, "reserved_amount": 12},
                      {"currency": "USD", "available_balance": 22.72, "pending_amount": 5, "reserved_amount": 10}]}
                    """,
                Parameters = Caller,
                Security = Authenticated,
            },
            ["ZoqqGetTransactions"] = new("Get account transactions")
            {
                Description = "Transactions of one account, newest first; from_date..to_date spans at most "
                    + ZoqqLedgerApi.TransactionDays + " days.",
                Responses = { [200] = typeof(ZoqqEnvelope<List<ZoqqTransaction>>) },
                ResponseExample = """
                    {"status": "success", "message": "virtual_accounts transactions details", "code": 200, "data": [
                      {"amount": 1000.0, "create_time": "2025-04-09T10:12:37+0000", "description": "Test from Postman",
                       "currency": "USD", "id": "", "type": "CREDIT", "status": "SETTLED"}]}
                    """,
                Errors = [404],
                Parameters = [.. Caller, AccountId, .. Paging(), ParameterDoc.Query("status", "SETTLED, PENDING, ...", "SETTLED")],
                Security = Authenticated,
            },
            ["ZoqqGetBalanceHistory"] = new("Get balance history")
            {
                Description = "Balance changes across the user's accounts, newest first; from_date..to_date spans at most "
                    + ZoqqLedgerApi.HistoryDays + " days.",
                Responses = { [200] = typeof(ZoqqEnvelope<List<ZoqqBalanceChange>>) },
                Parameters = [.. Caller, .. Paging(), ParameterDoc.Query("transaction_type", "DEPOSIT, PAYOUT, HOLD, ...", "DEPOSIT")],
                Security = Authenticated,
            },
        },
    };

    /// <summary>The paging and window query of transactions and history; the handler binds them as text.</summary>
    private static ParameterDoc[] Paging() =>
    [
        ParameterDoc.Query("page", "Page number from 1 (default 1).", "1"),
        ParameterDoc.Query("size", "Items per page, 1 to " + ZoqqPaging.MaxSize + " (default " + ZoqqPaging.DefaultSize + ").", "20"),
        ParameterDoc.Query("from_date", "Start date (yyyy-MM-dd or ISO 8601).", "2025-04-01"),
        ParameterDoc.Query("to_date", "End date (yyyy-MM-dd or ISO 8601).", "2025-04-07"),
        ParameterDoc.Query("currency", "ISO currency code.", "USD"),
    ];
}
