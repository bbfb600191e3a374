using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Money;

namespace Accounts.Functions.Deposits;

/// <summary>
/// The queued form of an accepted event: self-contained (tenant, event id and every field), so a consumer needs
/// nothing else to apply it, whether it came through Service Bus or the local queue.
/// </summary>
public sealed record DepositMessage(
    string TenantId,
    string EventId,
    string Event,
    string Reference,
    string AccountNumber,
    string Amount,
    string Currency,
    DepositSenderBody? Sender,
    string? Narration,
    string OccurredAt,
    string ReceivedAt)
{
    public static DepositMessage From(DepositEvent deposit) => new(
        deposit.TenantId, deposit.EventId, DepositEventTypes.WireName(deposit.Type), deposit.Reference, deposit.AccountNumber,
        deposit.Amount.ToString(), deposit.Amount.Currency.Code,
        deposit.Sender is null ? null : new DepositSenderBody(deposit.Sender.Name, deposit.Sender.AccountNumber, deposit.Sender.Bank),
        deposit.Narration, deposit.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
        deposit.ReceivedAt.ToString("O", CultureInfo.InvariantCulture));

    public static DepositMessage Parse(string json) =>
        JsonSerializer.Deserialize<DepositMessage>(json, DepositJson.Options)
        ?? throw new InvalidDataException("deposit message is empty");

    public string ToJson() => JsonSerializer.Serialize(this, DepositJson.Options);

    public DepositEvent ToEvent()
    {
        if (!DepositEventTypes.TryParse(Event, out var type))
        {
            throw new InvalidDataException($"deposit message {EventId} has an unknown event '{Event}'");
        }

        var currency = Currency is not null && Core.Money.Currency.TryGet(Currency, out var c)
            ? c
            : throw new InvalidDataException($"deposit message {EventId} has an unknown currency '{Currency}'");
        return new DepositEvent(TenantId, type.Value, Reference, AccountNumber, Money.Parse(Amount, currency, "amount"),
            Sender is null ? null : new DepositSender(Sender.Name, Sender.AccountNumber, Sender.Bank), Narration,
            Time(OccurredAt), Time(ReceivedAt));
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>Wire names of deposit events: "deposit.pending", "deposit.settled", "deposit.rejected", "deposit.reversed".</summary>
public static class DepositEventTypes
{
    public static string WireName(DepositEventType type) => "deposit." + type.ToString().ToLowerInvariant();

    public static bool TryParse(string? wire, [NotNullWhen(true)] out DepositEventType? type)
    {
        type = Enum.GetValues<DepositEventType>().Select(t => (DepositEventType?)t).FirstOrDefault(t => WireName(t!.Value) == wire);
        return type is not null;
    }

    public static string Allowed => string.Join(", ", Enum.GetValues<DepositEventType>().Select(WireName));
}

/// <summary>The core's view of <see cref="DepositMessage"/>: an event written as the queued JSON, and read back.</summary>
public sealed class DepositMessageFormat : IDepositMessageFormat
{
    public string Write(DepositEvent deposit) => DepositMessage.From(deposit).ToJson();

    public DepositEvent Read(string message)
    {
        try
        {
            return DepositMessage.Parse(message).ToEvent();
        }
        catch (Exception ex) when (ex is JsonException or DomainException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a deposit message: {ex.Message}", ex);
        }
    }

    public string Name(DepositEventType type) => DepositEventTypes.WireName(type);
}
