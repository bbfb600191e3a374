using Accounts.Core.Dates;
using Accounts.Core.Errors;
using Accounts.Core.Ledger;

namespace Accounts.Functions.Zoqq;

/// <summary>Zoqq's page/size and from_date/to_date query parameters, validated into an entry query or a page of accounts.</summary>
public static class ZoqqPaging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static EntryQuery Query(string? page, string? size, string? fromDate, string? toDate, int maxDays)
    {
        var (pageNumber, pageSize) = Page(page, size);
        var window = DateWindowParser.Parse(fromDate, toDate, maxDays);
        return new EntryQuery(window.From, window.To, Skip: (pageNumber - 1) * pageSize, Take: pageSize);
    }

    /// <summary>page (from 1) and size (1 to <see cref="MaxSize"/>, default <see cref="DefaultSize"/>); a bad one is a 400 naming it.</summary>
    public static (int Page, int Size) Page(string? page, string? size) =>
        (Positive(page, "page", 1, int.MaxValue / MaxSize), Positive(size, "size", DefaultSize, MaxSize));

    private static int Positive(string? text, string field, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= 1 && value <= max
            ? value
            : throw DomainException.Invalid(field, $"{field} must be a whole number from 1 to {max}");
    }
}
