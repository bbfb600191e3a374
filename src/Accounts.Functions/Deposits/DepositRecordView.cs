using System.Globalization;
using System.Text.Json;
using Accounts.Core.Deposits;

namespace Accounts.Functions.Deposits;

/// <summary>One recorded event as the operator endpoints show it.</summary>
public sealed record DepositRecordView(
    string Event,
    string EventId,
    string Reference,
    string Status,
    string? Reason,
    string AccountNumber,
    string Amount,
    string Currency,
    string ReceivedAt,
    string? ProcessedAt,
    int Attempts,
    string? AccountId,
    string? EntryId)
{
    public static DepositRecordView From(DepositRecord r) => new(
        DepositEventTypes.WireName(r.Type), r.EventId, r.Reference, JsonNamingPolicy.SnakeCaseUpper.ConvertName(r.Status.ToString()), r.Reason,
        r.AccountNumber, r.Amount, r.Currency, Time(r.ReceivedAt)!, Time(r.ProcessedAt), r.Attempts, r.AccountId, r.EntryId);

    private static string? Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
