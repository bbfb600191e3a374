using Accounts.Core.Dates;
using Accounts.Core.Deposits;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Functions.Api;

namespace Accounts.Functions.Deposits;

/// <summary>Validates a webhook body into a deposit event; every refusal names the field.</summary>
public static class DepositEventParser
{
    private const int MaxReferenceLength = 128;
    private const int MaxAccountNumberLength = 34;
    private const int MaxTextLength = 256;

    public static DepositEvent Parse(string tenantId, string body, DateTimeOffset receivedAt)
    {
        var request = JsonBody.Parse<DepositWebhookBody>(body, DepositJson.Options);
        if (!DepositEventTypes.TryParse(request.Event, out var type))
        {
            throw DomainException.Invalid("event", $"event must be one of {DepositEventTypes.Allowed}");
        }

        var reference = Reference(request.Reference);
        var accountNumber = Text(request.AccountNumber, "account_number", MaxAccountNumberLength, required: true)!;
        if (!accountNumber.All(char.IsAsciiLetterOrDigit))
        {
            throw DomainException.Invalid("account_number", "account_number must contain only letters and digits");
        }

        var currency = Currency.Parse(request.Currency, "currency");
        var amount = Money.Parse(request.Amount, currency, "amount");
        if (amount.Minor == 0)
        {
            throw DomainException.Invalid("amount", "amount must be greater than zero");
        }

        if (amount.Minor > DepositEvent.MaxAmountMinor)
        {
            throw DomainException.Invalid("amount",
                $"amount must be at most {Money.Format(DepositEvent.MaxAmountMinor, currency)} {currency.Code} per deposit");
        }

        if (!IsoTimestamp.TryParse(request.OccurredAt, out var occurred))
        {
            throw DomainException.Invalid("occurred_at", $"occurred_at is required as an ISO 8601 date-time ({IsoTimestamp.AcceptedFormats})");
        }

        var sender = request.Sender is { } s
            ? new DepositSender(Text(s.Name, "sender.name", MaxTextLength), Text(s.AccountNumber, "sender.account_number", MaxTextLength),
                Text(s.Bank, "sender.bank", MaxTextLength))
            : null;
        return new DepositEvent(tenantId, type.Value, reference, accountNumber, amount, sender,
            Text(request.Narration, "narration", MaxTextLength), occurred.Instant, receivedAt);
    }

    /// <summary>A provider reference: 1 to 128 printable ASCII characters (it keys the ledger and the operator API).</summary>
    public static string Reference(string? value)
    {
        var reference = Text(value, "reference", MaxReferenceLength, required: true)!;
        return reference.All(c => c is >= ' ' and <= '~')
            ? reference
            : throw DomainException.Invalid("reference", "reference must be printable ASCII");
    }

    private static string? Text(string? value, string field, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw DomainException.Invalid(field, $"{field} is required") : null;
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            throw DomainException.Invalid(field, $"{field} must be at most {maxLength} printable characters");
        }

        return value.Trim();
    }
}

/// <summary>The deposit event a provider posts (schema in the README). Amount is a decimal string.</summary>
public sealed record DepositWebhookBody(
    string? Event,
    string? Reference,
    string? AccountNumber,
    string? Amount,
    string? Currency,
    DepositSenderBody? Sender,
    string? Narration,
    string? OccurredAt);

public sealed record DepositSenderBody(string? Name, string? AccountNumber, string? Bank);
