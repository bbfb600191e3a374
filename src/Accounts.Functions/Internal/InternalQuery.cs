using System.Globalization;
using Accounts.Core.Accounts;
using Accounts.Core.Dates;
using Accounts.Core.Errors;
using Accounts.Core.Internal;
using Accounts.Core.Money;

namespace Accounts.Functions.Internal;

/// <summary>Validates the list's query parameters into a filter and a page request; every error names its parameter.</summary>
public static class InternalQuery
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    private static readonly AccountStatus[] Listable = [AccountStatus.Active, AccountStatus.Blocked];

    public static InternalAccountFilter Filter(IQueryCollection query)
    {
        var type = Text(query, "type");
        var currency = Text(query, "currency");
        return new InternalAccountFilter(
            Text(query, "parentId"),
            Text(query, "accountNumber"),
            Text(query, "externalId"),
            Text(query, "identityId"),
            type is null ? null : InternalAccountTypes.Parse(type, "type"),
            currency is null ? null : Currency.Parse(currency, "currency").Code,
            Status(Text(query, "status")),
            Window(Text(query, "startDate"), Text(query, "endDate")));
    }

    public static InternalPageRequest Page(IQueryCollection query)
    {
        var next = Text(query, "next");
        return new InternalPageRequest(
            Number(query, "limit", DefaultLimit, 1, MaxLimit),
            Number(query, "offset", 0, 0, int.MaxValue),
            next is null ? null : ListCursor.Decode(next, "next"));
    }

    /// <summary>A status name, case-insensitive; numbers are refused although the enum would parse them.</summary>
    public static AccountStatus? ParseStatus(string field, string value, IReadOnlyCollection<AccountStatus> allowed) =>
        Enum.TryParse<AccountStatus>(value.Trim(), ignoreCase: true, out var status) && !value.Trim().All(char.IsAsciiDigit)
            && allowed.Contains(status)
            ? status
            : throw DomainException.Invalid(field,
                $"{field} '{value}' is not valid; allowed values: {string.Join(", ", allowed.Select(InternalStatus.Name))}");

    // Deleted accounts are never listed, so only the statuses a listed account can have are filters.
    private static AccountStatus? Status(string? value) => value is null ? null : ParseStatus("status", value, Listable);

    // Whole days in UTC, both inclusive: "01/04/2025" to "30/04/2025" is all of April.
    private static DateWindow? Window(string? startDate, string? endDate)
    {
        DateTimeOffset? from = startDate is null ? null : Midnight(DayMonthYear.Parse(startDate, "startDate"));
        DateTimeOffset? to = endDate is null ? null : NextMidnight(DayMonthYear.Parse(endDate, "endDate"));
        if (from is null && to is null)
        {
            return null;
        }

        return from >= to ? throw DomainException.Invalid("endDate", "endDate must not be before startDate") : new DateWindow(from, to);
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    // 31/12/9999 has no next midnight; the latest instant stands in for it.
    private static DateTimeOffset NextMidnight(DateOnly date) =>
        date == DateOnly.MaxValue ? DateTimeOffset.MaxValue : Midnight(date.AddDays(1));

    private static int Number(IQueryCollection query, string field, int fallback, int min, int max)
    {
        var text = Text(query, field);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw DomainException.Invalid(field, $"{field} must be a whole number from {min} to {max}");
    }

    // An empty value (?type=) counts as absent, as most HTTP clients produce it for "no value".
    private static string? Text(IQueryCollection query, string field)
    {
        var value = query[field].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
