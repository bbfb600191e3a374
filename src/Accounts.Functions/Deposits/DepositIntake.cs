using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The webhook's work, shared by the forwarded route and the Functions host's JSON invocation: authenticate the
/// tenant, verify the signature, validate the event and record it durably (insert-if-absent) before it is queued.
/// A redelivered event is accepted again with the same id and no second effect.
/// </summary>
public sealed class DepositIntake(TenantDirectory tenants, IDepositRecordStore records, TimeProvider clock)
{
    public async Task<IntakeResult> ReceiveAsync(string? apiKey, string? timestamp, string? signature, string body, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            throw DomainException.Unauthorized("x-api-key header is required");
        }

        var tenant = await tenants.AuthenticateAsync(apiKey, ct);
        WebhookSignature.Verify(tenant.WebhookSecret, timestamp, signature, body, clock.GetUtcNow());
        var deposit = DepositEventParser.Parse(tenant.Id, body);
        var message = DepositMessage.From(deposit).ToJson();
        var record = new DepositRecord(tenant.Id, deposit.EventId, deposit.Type, deposit.Reference, deposit.AccountNumber,
            deposit.Amount.ToString(), deposit.Amount.Currency.Code, message, Hash(message), clock.GetUtcNow());
        var (inserted, stored) = await records.TryInsertAsync(record, ct);
        if (!inserted && stored.MessageHash != record.MessageHash)
        {
            throw DomainException.Conflict(
                $"{DepositEventTypes.WireName(deposit.Type)} for reference '{deposit.Reference}' was already received with different content");
        }

        // An event not processed yet is queued again on redelivery: its first queueing may have been lost with a
        // failed response, and applying it twice has no second effect.
        return new IntakeResult(deposit.EventId, inserted || stored.Status == DepositStatus.Received ? message : null);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
