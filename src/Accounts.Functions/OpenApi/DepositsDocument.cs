using Accounts.Functions.Deposits;

namespace Accounts.Functions.OpenApi;

/// <summary>The deposit webhook and its per-tenant inspection routes (README "Deposits").</summary>
public static class DepositsDocument
{
    private const string Key = "tenantApiKey";
    private static readonly string[] Authenticated = [Key];

    public static DialectDoc Doc { get; } = new("deposits", "Deposits",
        "Money reaches accounts only through the signed deposit webhook: stored, queued, applied to the ledger exactly once. "
        + "x-signature is the lowercase hex HMAC-SHA256 of \"{x-timestamp}.{raw body}\" keyed with the tenant's webhook secret; "
        + "a timestamp more than 5 minutes from the server's clock is refused.", DepositJson.Options)
    {
        RoutePrefixes = ["webhooks"],
        ErrorBody = typeof(DepositErrorBody),
        ErrorExample = """{"status": "error", "message": "amount has more than 2 decimal places allowed for SGD", "field": "amount"}""",
        Security = [SecurityDoc.Key(Key, "x-api-key", "The tenant's API key (dev: dev-api-key).")],
        Operations = new Dictionary<string, OperationDoc>
        {
            ["ReceiveDeposit"] = new("Receive a deposit event")
            {
                Description = "The same event delivered again is answered the same way with no second effect; the same event "
                    + "with different content is 409. Send the body with Content-Length (not chunked).",
                Request = typeof(DepositWebhookBody),
                RequestExample = """
                    {"event": "deposit.settled", "reference": "dep-1", "account_number": "12345", "amount": "100.50", "currency": "SGD",
                     "sender": {"name": "Jane Payer", "account_number": "998877", "bank": "DBS"}, "narration": "Invoice 42",
                     "occurred_at": "2025-04-09T10:12:37Z"}
                    """,
                Responses = { [202] = typeof(DepositAccepted) },
                ResponseExample = """{"status": "accepted", "event_id": "evt_0123456789abcdef"}""",
                Errors = [409, 413],
                Parameters =
                [
                    ParameterDoc.Header("x-timestamp", "The sending time in Unix seconds.", "1744193557"),
                    ParameterDoc.Header("x-signature", "Lowercase hex HMAC-SHA256 of \"{x-timestamp}.{raw body}\" with the webhook secret."),
                ],
                Security = Authenticated,
            },
            ["GetDepositEvents"] = new("Deposit events of a reference")
            {
                Description = "Every event received with this reference: status (RECEIVED, APPLIED, REJECTED, DEAD_LETTERED, ...), reason and entry.",
                Responses = { [200] = typeof(DepositEventsByReference) },
                Errors = [404],
                Security = Authenticated,
            },
            ["ListDeadLetteredDeposits"] = new("Dead-lettered deposit events")
            {
                Description = "Events that failed too often to be applied; they need an operator.",
                Responses = { [200] = typeof(DepositEventList) },
                Security = Authenticated,
            },
        },
    };

    /// <summary>What <see cref="DepositResponses.Accepted"/> writes.</summary>
    public sealed record DepositAccepted(string Status, string EventId);

    /// <summary>What <see cref="DepositResponses.Error"/> writes.</summary>
    public sealed record DepositErrorBody(string Status, string Message, string? Field);

    /// <summary>What <see cref="DepositOperatorApi.GetByReference"/> writes.</summary>
    public sealed record DepositEventsByReference(string Reference, IReadOnlyList<DepositRecordView> Events);

    /// <summary>What <see cref="DepositOperatorApi.ListDeadLettered"/> writes.</summary>
    public sealed record DepositEventList(IReadOnlyList<DepositRecordView> Events);
}
