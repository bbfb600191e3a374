using Accounts.Core.Dates;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.Dates;

public sealed class DayMonthYearTests
{
    [Theory]
    [InlineData("09/04/2025", 2025, 4, 9)]
    [InlineData("09-04-2025", 2025, 4, 9)]
    [InlineData("31/12/1999", 1999, 12, 31)]
    [InlineData("29-02-2024", 2024, 2, 29)]
    [InlineData("01/01/0001", 1, 1, 1)]
    public void Day_first_dates_parse(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DayMonthYear.Parse(text, "date_of_birth"));

    [Theory]
    [InlineData("2025-04-09")]
    [InlineData("9/4/2025")]
    [InlineData("09/04/25")]
    [InlineData("09/04-2025")] // mixed separators
    [InlineData("09.04.2025")]
    [InlineData("13/13/2025")]
    [InlineData("04/31/2025")] // month-first is not accepted, not swapped
    [InlineData("29/02/2025")]
    [InlineData("00/01/2025")]
    [InlineData("01/01/0000")]
    [InlineData("09/04/2025\n")]
    [InlineData(" 09/04/2025")]
    [InlineData("٠٩/٠٤/٢٠٢٥")]
    public void Other_shapes_and_impossible_dates_are_refused_naming_the_field(string text)
    {
        var error = Assert.Throws<DomainException>(() => DayMonthYear.Parse(text, "startDate"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("startDate", error.Field);
        Assert.Contains("DD/MM/YYYY", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_is_refused_as_required(string? text) =>
        Assert.Contains("required", Assert.Throws<DomainException>(() => DayMonthYear.Parse(text, "date_of_birth")).Message);
}
