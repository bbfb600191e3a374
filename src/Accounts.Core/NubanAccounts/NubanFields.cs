using System.Globalization;
using System.Text.RegularExpressions;
using Accounts.Core.Dates;
using Accounts.Core.Errors;

namespace Accounts.Core.NubanAccounts;

/// <summary>Validation of customer input; every refusal names the field as the client sent it.</summary>
public static partial class NubanFields
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxReferenceLength = 100;

    public static string Name(string? value, string field) => Text(value, field, MaxNameLength);

    public static string Address(string? value, string field) => Text(value, field, MaxAddressLength);

    /// <summary>A BVN is exactly 11 digits.</summary>
    public static string Bvn(string? value, string field)
    {
        var bvn = Required(value, field);
        return bvn.Length == 11 && bvn.All(char.IsAsciiDigit)
            ? bvn
            : throw DomainException.Invalid(field, $"{field} must be exactly 11 digits");
    }

    /// <summary>
    /// A Nigerian mobile number as 080XXXXXXXX, 2348XXXXXXXXX or +2348XXXXXXXXX (prefixes 070, 080, 081, 090, 091),
    /// returned in the local 11-digit form.
    /// </summary>
    public static string Phone(string? value, string field)
    {
        var match = PhonePattern().Match(Required(value, field));
        return match.Success
            ? "0" + match.Groups["national"].Value
            : throw DomainException.Invalid(field,
                $"{field} must be a Nigerian mobile number such as 08012345678, 2348012345678 or +2348012345678");
    }

    /// <summary>A plain address-spec with a dotted domain, lower-cased.</summary>
    public static string Email(string? value, string field)
    {
        var email = Required(value, field);
        return email.Length <= MaxEmailLength && EmailPattern().IsMatch(email)
            ? email.ToLowerInvariant()
            : throw DomainException.Invalid(field, $"{field} must be a valid email address");
    }

    /// <summary>DD-MM-YYYY, a real calendar date before <paramref name="today"/> and not before 1900.</summary>
    public static DateOnly DateOfBirth(string? value, string field, DateOnly today)
    {
        var text = Required(value, field);
        if (text.Length != 10 || text[2] != '-' || !DayMonthYear.TryParse(text, out var date))
        {
            throw DomainException.Invalid(field, $"{field} must be a real date in DD-MM-YYYY format");
        }

        return date < today && date.Year >= 1900
            ? date
            : throw DomainException.Invalid(field, $"{field} must be a past date (after 01-01-1900)");
    }

    /// <summary>A client's payment reference: letters, digits and "-_." only, so it is safe in any key or URL.</summary>
    public static string Reference(string value, string field)
    {
        var trimmed = value.Trim();
        return trimmed.Length is > 0 and <= MaxReferenceLength && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? trimmed
            : throw DomainException.Invalid(field, $"{field} must be 1 to {MaxReferenceLength} letters, digits, '-', '_' or '.'");
    }

    public static string FormatDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string Text(string? value, string field, int maxLength)
    {
        var text = Required(value, field);
        return text.Length <= maxLength && !text.Any(char.IsControl)
            ? text
            : throw DomainException.Invalid(field, $"{field} must be at most {maxLength} characters without control characters");
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid(field, $"{field} is required") : value.Trim();

    [GeneratedRegex(@"^(?:0|\+?234)(?<national>[789][01][0-9]{8})\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
