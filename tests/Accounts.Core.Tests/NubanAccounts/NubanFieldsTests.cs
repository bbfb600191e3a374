using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanFieldsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Theory]
    [InlineData("08092717412", "08092717412")]
    [InlineData("+2348092717412", "08092717412")]
    [InlineData("2348092717412", "08092717412")]
    [InlineData(" 07031234567 ", "07031234567")]
    [InlineData("09131234567", "09131234567")]
    [InlineData("08131234567", "08131234567")]
    public void Nigerian_mobile_numbers_are_accepted_in_every_usual_form(string input, string local)
    {
        Assert.Equal(local, NubanFields.Phone(input, "phone_number"));
    }

    [Theory]
    [InlineData("0809271741")] // 10 digits
    [InlineData("080927174123")] // 12 digits
    [InlineData("06092717412")] // no such mobile prefix
    [InlineData("08292717412")]
    [InlineData("+448092717412")]
    [InlineData("+23408092717412")] // trunk 0 kept after the country code
    [InlineData("0809 271 7412")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_phone_numbers_are_refused_naming_the_field(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => NubanFields.Phone(input, "phone_number"));

        Assert.Equal(("phone_number", ErrorKind.Validation), (ex.Field, ex.Kind));
    }

    [Theory]
    [InlineData("12345678901", true)]
    [InlineData("1234567890", false)]
    [InlineData("123456789012", false)]
    [InlineData("1234567890a", false)]
    [InlineData("１２３４５６７８９０１", false)]
    public void A_bvn_is_eleven_ascii_digits(string input, bool valid)
    {
        if (valid)
        {
            Assert.Equal(input, NubanFields.Bvn(input, "bvn"));
        }
        else
        {
            Assert.Equal("bvn", Assert.Throws<DomainException>(() => NubanFields.Bvn(input, "bvn")).Field);
        }
    }

    [Theory]
    [InlineData("Ada.Obi+shop@Example.COM", "ada.obi+shop@example.com")]
    [InlineData("a@b.ng", "a@b.ng")]
    public void Emails_are_lower_cased(string input, string expected)
    {
        Assert.Equal(expected, NubanFields.Email(input, "email"));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a@b")]
    [InlineData("a@@b.com")]
    [InlineData("a b@c.com")]
    [InlineData("a@-b.com")]
    public void Malformed_emails_are_refused(string input)
    {
        Assert.Equal("email", Assert.Throws<DomainException>(() => NubanFields.Email(input, "email")).Field);
    }

    [Theory]
    [InlineData("29-02-2000", 2000, 2, 29)]
    [InlineData("20-11-2026", 2026, 11, 20)]
    [InlineData("01-01-1900", 1900, 1, 1)]
    public void Real_past_dates_in_day_month_year_order_are_accepted(string input, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), NubanFields.DateOfBirth(input, "date_of_birth", Today));
    }

    [Theory]
    [InlineData("29-02-2001")] // not a leap year
    [InlineData("31-04-2000")]
    [InlineData("21-11-2026")] // today
    [InlineData("01-01-2027")]
    [InlineData("31-12-1899")]
    [InlineData("2000-01-01")]
    [InlineData("01/01/2000")] // the seed says DD-MM-YYYY
    [InlineData("1-1-2000")]
    public void Impossible_future_or_misformatted_dates_are_refused(string input)
    {
        Assert.Equal("date_of_birth", Assert.Throws<DomainException>(() => NubanFields.DateOfBirth(input, "date_of_birth", Today)).Field);
    }

    [Fact]
    public void Names_are_trimmed_and_limited()
    {
        Assert.Equal("Liman", NubanFields.Name("  Liman ", "first_name"));
        Assert.Equal("first_name", Assert.Throws<DomainException>(() => NubanFields.Name(new string('a', 101), "first_name")).Field);
        Assert.Equal("last_name", Assert.Throws<DomainException>(() => NubanFields.Name("a\nb", "last_name")).Field);
    }
}
