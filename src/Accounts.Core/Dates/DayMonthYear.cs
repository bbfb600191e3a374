using System.Globalization;
using System.Text.RegularExpressions;
using Accounts.Core.Errors;

namespace Accounts.Core.Dates;

/// <summary>
/// Day-first calendar dates used by some dialects: "DD/MM/YYYY" (ledger accounts' startDate/endDate) and
/// "DD-MM-YYYY" (NUBAN customers' date_of_birth). Exactly two-digit day and month and four-digit year, one
/// separator used twice, so "01/02-2025" or "1/2/2025" are refused rather than guessed at.
/// </summary>
public static class DayMonthYear
{
    private static readonly Regex Pattern = new(
        "^(?<d>[0-9]{2})(?<sep>[/-])(?<m>[0-9]{2})\\k<sep>(?<y>[0-9]{4})\\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static DateOnly Parse(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        return TryParse(text, out var date)
            ? date
            : throw DomainException.Invalid(field, $"{field} must be a valid date in DD/MM/YYYY or DD-MM-YYYY format");
    }

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var match = text is null ? null : Pattern.Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        int day = Int(match, "d"), month = Int(match, "m"), year = Int(match, "y");
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);
}
