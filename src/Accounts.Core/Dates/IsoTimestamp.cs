using System.Globalization;
using System.Text.RegularExpressions;

namespace Accounts.Core.Dates;

/// <summary>
/// One ISO 8601 / RFC 3339 value as clients send it in query strings: a calendar date ("2025-04-09") or a date-time
/// ("2025-04-09T10:12:37", "…Z", "…+08:00", "…+0800", with optional fractional seconds). A date-time without an
/// offset is UTC. <see cref="Instant"/> is in UTC; for a date it is that day's midnight UTC.
/// </summary>
public readonly record struct IsoTimestamp(DateTimeOffset Instant, bool IsDateOnly)
{
    public const string AcceptedFormats =
        "yyyy-MM-dd or yyyy-MM-ddTHH:mm[:ss[.fffffff]] with an optional offset Z, +hh:mm or +hhmm (URL-encode '+' as %2B)";

    // [0-9] rather than \d (which matches any Unicode digit) and \z rather than $ (which also matches before a final
    // newline): both would let through text that is not ISO 8601.
    private static readonly Regex Pattern = new(
        "^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})" +
        "(?:T(?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.](?<f>[0-9]{1,9}))?)?" +
        "(?:(?<utc>Z)|(?<sign>[+-])(?<oh>[0-9]{2}):?(?<om>[0-9]{2}))?)?\\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static bool TryParse(string? text, out IsoTimestamp value)
    {
        value = default;
        var match = text is null ? null : Pattern.Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        int year = Number(match, "y"), month = Number(match, "mo"), day = Number(match, "d");
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var isDateOnly = !match.Groups["h"].Success;
        int hour = Number(match, "h"), minute = Number(match, "mi"), second = Number(match, "s");
        int offsetHours = Number(match, "oh"), offsetMinutes = Number(match, "om");

        // No leap seconds or 24:00; offsets stop at ±14:00 like DateTimeOffset's.
        if (hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (match.Groups["sign"].Value == "-")
        {
            offset = -offset;
        }

        // Fractions beyond 7 digits (nanoseconds) are truncated to the 100 ns tick, the resolution of stored times.
        var fraction = match.Groups["f"].Value;
        var ticks = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false; // e.g. 0001-01-01T00:00+01:00 is before the first representable instant
        }

        value = new IsoTimestamp(new DateTimeOffset(utcTicks, TimeSpan.Zero), isDateOnly);
        return true;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;
}
