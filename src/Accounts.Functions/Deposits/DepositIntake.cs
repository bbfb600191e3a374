using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Tenancy;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The webhook's work, shared by the forwarded route and the Functions host's JSON invocation: authenticate the
/// tenant, verify the signature over the bytes received, validate the event and record it durably (insert-if-absent)
/// before it is queued, with its outbox row. A redelivered event is accepted again with the same id and no second effect.
/// </summary>
public sealed class DepositIntake(TenantDirectory tenants, IDepositRecordStore records, IDepositOutbox outbox, TimeProvider clock,
    IOptions<DepositOptions> options)
{
    public async Task<IntakeResult> ReceiveAsync(string? apiKey, string? timestamp, string? signature, ReadOnlyMemory<byte> body,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            throw DomainException.Unauthorized("x-api-key header is required");
        }

        var tenant = await tenants.AuthenticateAsync(apiKey, ct);
        WebhookSignature.Verify(tenant.WebhookSecretsValidAt(clock.GetUtcNow()), timestamp, signature, body.Span, clock.GetUtcNow());
        var deposit = DepositEventParser.Parse(tenant.Id, RawWebhookBody.Decode(body.Span), clock.GetUtcNow());
        var message = DepositMessage.From(deposit).ToJson();
        var record = new DepositRecord(tenant.Id, deposit.EventId, deposit.Type, deposit.Reference, deposit.AccountNumber,
            deposit.Amount.ToString(), deposit.Amount.Currency.Code, message, ContentHash(deposit), deposit.ReceivedAt);

        // The outbox row goes first: if the process dies after the record is stored, the row is there for the sweeper.
        var row = DepositOutboxEntry.Of(record) with { DueAt = record.ReceivedAt + options.Value.OutboxGracePeriod };
        await outbox.AddAsync(row, ct);
        var (inserted, stored) = await records.TryInsertAsync(record, ct);
        if (!inserted && !row.IsRowOf(stored))
        {
            await outbox.RemoveAsync(row, ct); // a redelivery: the first delivery's row, if still needed, covers the event
        }

        Accounts.Core.Telemetry.DepositMetrics.Received(deposit.Type, firstDelivery: inserted);
        if (!inserted && stored.MessageHash != record.MessageHash)
        {
            throw DomainException.Conflict(
                $"{DepositEventTypes.WireName(deposit.Type)} for reference '{deposit.Reference}' was already received with different content");
        }

        // An event not processed yet is queued again on redelivery (the first message, with its arrival time): its
        // first queueing may have been lost with a failed response, and applying it twice has no second effect.
        return stored.Status == DepositStatus.Received
            ? new IntakeResult(deposit.EventId, stored.Message, DepositOutboxEntry.Of(stored))
            : new IntakeResult(deposit.EventId, null);
    }

    /// <summary>What the provider sent, without our arrival time: equal for every delivery of the same event.</summary>
    private static string ContentHash(DepositEvent deposit)
    {
        var content = DepositMessage.From(deposit with { ReceivedAt = DateTimeOffset.UnixEpoch }).ToJson();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
