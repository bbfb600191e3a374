using Accounts.Functions.Nuban;

namespace Accounts.Functions.OpenApi;

/// <summary>The Nuban document (seed 003); examples are the seed's.</summary>
public static class NubanDocument
{
    private const string Key = "nubanApiKey";
    private static readonly string[] Authenticated = [Key];

    private const string DetailExample = """
        {"success": true, "message": "Virtual account details retrieved successfully", "data": {
          "id": "7bf97187-104c-45f6-8245-5dd30fd9529b", "merchant_id": "1ed909ea-f561-4166-a8d8-50589e40ecc0",
          "environment": "SANDBOX", "currency": "NGN", "bank_name": "FCMB MFB", "bank_code": "090409",
          "account_name": "Jibril Mohammed", "account_number": "7582757982", "updated_at": "2025-09-26T10:25:38.53272Z",
          "created_at": "2025-09-26T10:25:38.53272Z", "booked_balance": 0, "available_balance": 0, "status": "ACTIVE",
          "updated": false, "user_id": "e4a36dcc-38d9-4973-9457-5db8cc126e0e", "account_type": "STATIC", "expiry_time": null,
          "account_category": "CUSTOMER", "tier": ""}}
        """;

    private static readonly OperationDoc Close = new("Close a static account")
    {
        Description = "Served as DELETE (the seed's example) and POST (its text). account_number may be a string or a number. "
            + "A closed account answers 403 to every later operation.",
        Request = typeof(NubanCloseRequest),
        RequestExample = """{"account_number": 7000026062, "note": "for testing"}""",
        Responses = { [200] = typeof(NubanEnvelope<NubanAccountDetail>) },
        Errors = [403, 404],
        Security = Authenticated,
    };

    public static DialectDoc Doc { get; } = new("nuban", "Nuban NGN virtual accounts",
        "Seed 003: static NUBAN accounts for customers and dynamic (time-bound, fixed-amount) ones for single payments. "
        + "Every request carries X-API-Key; bodies are snake_case.", NubanJson.Options)
    {
        RoutePrefixes = ["v1/accounts"],
        ErrorBody = typeof(NubanError),
        ErrorExample = """{"success": false, "message": "account is closed - no operations can be performed on a closed account"}""",
        Security = [SecurityDoc.Key(Key, NubanAuthFilter.ApiKeyHeader, "The merchant's API key (dev: dev-api-key).")],
        Operations = new Dictionary<string, OperationDoc>
        {
            ["NubanCreateCustomer"] = new("Create a customer with a static account")
            {
                Description = "bvn (11 digits), first_name, last_name, date_of_birth, phone_number, email and address are required.",
                Request = typeof(NubanCustomerRequest),
                RequestExample = """
                    {"bvn": "22123456789", "first_name": "Jibril", "last_name": "Mohammed", "date_of_birth": "15-06-1990",
                     "phone_number": "08031234567", "email": "jibril@example.com", "address": "12 Broad Street, Lagos"}
                    """,
                Responses = { [201] = typeof(NubanEnvelope<NubanCustomerCreated>) },
                Errors = [409],
                Security = Authenticated,
            },
            ["NubanListAccounts"] = new("List accounts")
            {
                Description = "Newest first, with meta (page, limit, totalItems, totalPages).",
                Responses = { [200] = typeof(NubanEnvelope<List<NubanListItem>>) },
                Parameters =
                [
                    ParameterDoc.Query("account_type", "STATIC or DYNAMIC (case-insensitive).", "STATIC"),
                    ParameterDoc.Query("page", "Page from 1 (default 1).", "1"),
                    ParameterDoc.Query("limit", "Items per page (default " + NubanQueryApi.DefaultLimit + ").", "10"),
                ],
                Security = Authenticated,
            },
            ["NubanCreateStatic"] = new("Create a static account")
            {
                Description = "email_address, first_name, last_name and phone_number are required.",
                Request = typeof(NubanStaticRequest),
                RequestExample = """{"email_address": "gwanja@gmail.com", "first_name": "Liman", "last_name": "Dauda", "phone_number": "08092717412"}""",
                Responses = { [201] = typeof(NubanEnvelope<NubanStaticCreated>) },
                ResponseExample = """
                    {"success": true, "message": "Virtual account created successfully", "data": {"account_name": "Jibril Mohammed",
                     "account_number": "7582757982", "bank_name": "FCMB MFB", "bank_code": "090409", "currency": "NGN"}}
                    """,
                Errors = [409],
                Security = Authenticated,
            },
            ["NubanCreateDynamic"] = new("Create a dynamic account")
            {
                Description = "A single-payment account for amount (naira) that expires after duration_in_minutes; reference is unique per merchant.",
                Request = typeof(NubanDynamicRequest),
                RequestExample = """{"amount": 100.0, "reference": "yofddearndcdss", "duration_in_minutes": 30}""",
                Responses = { [201] = typeof(NubanEnvelope<NubanDynamicCreated>) },
                ResponseExample = """
                    {"success": true, "message": "Virtual account created successfully", "data": {"amount": 100,
                     "reference": "yofddeuyiarndcdss", "expiration_time": "2025-09-26T10:54:11.7017025Z",
                     "account_name": "Dynamic Test Account", "account_number": "4097553750", "bank_name": "FCMB MFB", "bank_code": "090409"}}
                    """,
                Errors = [409],
                Security = Authenticated,
            },
            ["NubanGetStatic"] = new("Get a static account")
            {
                Responses = { [200] = typeof(NubanEnvelope<NubanAccountDetail>) },
                ResponseExample = DetailExample,
                Errors = [403, 404],
                Security = Authenticated,
            },
            ["NubanGetDynamic"] = new("Get a dynamic account")
            {
                Description = "An expired dynamic account answers 410 Gone.",
                Responses = { [200] = typeof(NubanEnvelope<NubanAccountDetail>) },
                Errors = [403, 404, 410],
                Security = Authenticated,
            },
            ["NubanCloseStatic"] = Close,
            ["NubanCloseAccount"] = new("Close an account")
            {
                Description = "Any NUBAN account, static or dynamic (expired ones too).",
                Responses = { [200] = typeof(NubanEnvelope<NubanAccountDetail>) },
                Errors = [403, 404],
                Security = Authenticated,
            },
        },
    };
}
