using Accounts.Core.Errors;

namespace Accounts.Core.Dates;

/// <summary>
/// Turns a pair of query parameters into a <see cref="DateWindow"/>. The pair is all-or-nothing (the Zoqq guide:
/// "date filters must be provided together"). Both bounds are inclusive as the client writes them: a date "to" covers
/// that whole day, a date-time "to" covers that instant. The window is then capped at <c>maxDays</c> days.
/// </summary>
public static class DateWindowParser
{
    public static DateWindow Parse(
        string? from,
        string? to,
        int maxDays,
        string fromField = "from_date",
        string toField = "to_date")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDays);

        // An empty query value (?from_date=) is treated as absent, as most HTTP clients produce it for "no value".
        bool hasFrom = !string.IsNullOrEmpty(from), hasTo = !string.IsNullOrEmpty(to);
        if (!hasFrom && !hasTo)
        {
            return DateWindow.Open;
        }

        if (hasFrom != hasTo)
        {
            var missing = hasFrom ? toField : fromField;
            throw DomainException.Invalid(missing, $"{fromField} and {toField} must be provided together; {missing} is missing");
        }

        var start = Read(from!, fromField);
        var end = Read(to!, toField);
        var startBound = start.Instant;
        var endBound = ExclusiveEnd(end, toField);

        if (startBound >= endBound)
        {
            throw DomainException.Invalid(fromField, $"{fromField} must not be after {toField}");
        }

        if (endBound - startBound > TimeSpan.FromDays(maxDays))
        {
            throw DomainException.Invalid(toField, $"date range must not exceed {maxDays} days");
        }

        return new DateWindow(startBound, endBound);
    }

    private static IsoTimestamp Read(string text, string field) =>
        IsoTimestamp.TryParse(text, out var value)
            ? value
            : throw DomainException.Invalid(field, $"{field} must be an ISO 8601 date or date-time: {IsoTimestamp.AcceptedFormats}");

    // The exclusive bound just after what the client named: the next midnight for a date, the next tick for an instant.
    private static DateTimeOffset ExclusiveEnd(IsoTimestamp end, string field)
    {
        var step = end.IsDateOnly ? TimeSpan.TicksPerDay : 1;
        if (end.Instant.UtcTicks > DateTimeOffset.MaxValue.UtcTicks - step)
        {
            throw DomainException.Invalid(field, $"{field} is beyond the latest supported date");
        }

        return end.Instant.AddTicks(step);
    }
}
