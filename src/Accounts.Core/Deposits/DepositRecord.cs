using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Deposits;

/// <summary>
/// The durable record of one accepted event: stored when the webhook accepts it (before it is queued) and updated
/// as it is processed, so nothing accepted can disappear and every outcome has a reason. <see cref="Message"/> is the
/// queued message text; <see cref="MessageHash"/> tells a redelivery from a different event reusing the key.
/// </summary>
public sealed record DepositRecord(
    string TenantId,
    string EventId,
    DepositEventType Type,
    string Reference,
    string AccountNumber,
    string Amount,
    string Currency,
    string Message,
    string MessageHash,
    DateTimeOffset ReceivedAt,
    DepositStatus Status = DepositStatus.Received,
    string? Reason = null,
    int Attempts = 0,
    DateTimeOffset? ProcessedAt = null,
    string? AccountId = null,
    string? EntryId = null,
    string? Version = null)
{
    /// <summary>The record of <paramref name="deposit"/> as received, queued as <paramref name="message"/>.</summary>
    public static DepositRecord Received(DepositEvent deposit, string message, IDepositMessageFormat format) =>
        new(deposit.TenantId, deposit.EventId, deposit.Type, deposit.Reference, deposit.AccountNumber, deposit.Amount.ToString(),
            deposit.Amount.Currency.Code, message, ContentHash(deposit, format), deposit.ReceivedAt);

    /// <summary>What the provider sent, without our arrival time: equal for every delivery of the same event.</summary>
    private static string ContentHash(DepositEvent deposit, IDepositMessageFormat format)
    {
        var content = format.Write(deposit with { ReceivedAt = DateTimeOffset.UnixEpoch });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}

/// <summary>
/// Where an accepted event stands. Received: queued, not yet processed. Applied: its ledger effect exists.
/// Ignored: valid but changes nothing (a late pending, a reversal of an unsettled deposit). Rejected: refused for a
/// reason (unknown, closed, blocked or expired account, wrong currency, balance limit reached); refund due. DeadLettered: processing kept
/// failing; an operator must look.
/// </summary>
public enum DepositStatus
{
    Received,
    Applied,
    Ignored,
    Rejected,
    DeadLettered,
}

public interface IDepositRecordStore
{
    /// <summary>
    /// Inserts the record if its event is new (insert-if-absent); otherwise returns the stored one. An inserted record
    /// may come back without its version: read it to update it.
    /// </summary>
    Task<(bool Inserted, DepositRecord Record)> TryInsertAsync(DepositRecord record, CancellationToken ct);

    Task<DepositRecord?> GetAsync(string tenantId, string reference, DepositEventType type, CancellationToken ct);

    /// <summary>Every event of one reference, in lifecycle order.</summary>
    Task<IReadOnlyList<DepositRecord>> ListByReferenceAsync(string tenantId, string reference, CancellationToken ct);

    Task<IReadOnlyList<DepositRecord>> ListDeadLetteredAsync(string tenantId, CancellationToken ct);

    /// <summary>Replaces a record if its version is current; throws ConcurrencyException otherwise.</summary>
    Task<DepositRecord> UpdateAsync(DepositRecord record, CancellationToken ct);

    /// <summary>
    /// Writes the outcome fields of <paramref name="record"/> (status, reason, attempts, processed time, account and
    /// entry) onto the stored record whatever its version: one write, no read. Only for the outcome the ledger decided
    /// for a processed event, which supersedes any earlier state. False, writing nothing, when no record is stored.
    /// </summary>
    Task<bool> TryRecordOutcomeAsync(DepositRecord record, CancellationToken ct);
}
