using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

public sealed class NubanTests
{
    // Weights over the 15 digits (6-digit institution code + 9-digit serial): 3 7 3 3 7 3 3 7 3 3 7 3 3 7 3.

    [Fact]
    public void Three_digit_bank_code_is_padded_with_000()
    {
        // GTBank 058 → 000058, serial 012345678:
        //   digits   0 0 0 0 5 8 | 0 1 2 3 4 5 6 7 8
        //   products 0 0 0 0 35 24 | 0 7 6 9 28 15 18 49 24
        //   sum = 35+24 + 7+6+9+28+15+18+49+24 = 215; 215 mod 10 = 5; check = (10 − 5) mod 10 = 5
        Assert.Equal("0123456785", Nuban.Create("058", 12_345_678));
        Assert.Equal("000058", Nuban.InstitutionCode("058"));
        Assert.True(Nuban.IsValid("058", "0123456785"));
        Assert.True(Nuban.IsValid("000058", "0123456785"));
    }

    [Fact]
    public void Six_digit_code_is_used_as_given()
    {
        // FCMB MFB 090409, serial 409755375:
        //   digits   0 9 0 4 0 9 | 4 0 9 7 5 5 3 7 5
        //   products 0 63 0 12 0 27 | 12 0 27 21 35 15 9 49 15
        //   sum = 63+12+27 + 12+27+21+35+15+9+49+15 = 285; 285 mod 10 = 5; check = 5
        Assert.Equal("4097553755", Nuban.Create("090409", 409_755_375));
        Assert.Equal(5, Nuban.CheckDigit("090409", "409755375"));
    }

    [Fact]
    public void A_sum_that_is_a_multiple_of_ten_gives_check_digit_zero_not_ten()
    {
        // FCMB MFB 090409, serial 758275798:
        //   products 0 63 0 12 0 27 | 21 35 24 6 35 21 21 63 24
        //   sum = 102 + 258 = 360; 360 mod 10 = 0; check = (10 − 0) mod 10 = 0
        Assert.Equal("7582757980", Nuban.Create("090409", 758_275_798));
    }

    [Fact]
    public void Five_digit_code_gets_a_9_prefix()
    {
        // 12345 → 912345, serial 000000001: 9·3 + 1·7 + 2·3 + 3·3 + 4·7 + 5·3 + 1·3 = 27+7+6+9+28+15+3 = 95 → check 5
        Assert.Equal("912345", Nuban.InstitutionCode("12345"));
        Assert.Equal("0000000015", Nuban.Create("12345", 1));
    }

    [Fact]
    public void Serial_zero_still_depends_on_the_bank_code()
    {
        // 000058 + 000000000: 5·7 + 8·3 = 59 → check 1
        Assert.Equal("0000000001", Nuban.Create("058", 0));

        // 000058 + 999999999: 59 + 9·(3+7+3+3+7+3+3+7+3) = 59 + 9·39 = 410 → check 0
        Assert.Equal("9999999990", Nuban.Create("058", Nuban.MaxSerial));
    }

    [Fact]
    public void The_seed_examples_are_not_valid_nubans_for_their_bank()
    {
        // Seed 003 shows 4097553750 and 7582757982 at FCMB MFB (090409); their check digits should be 5 and 0.
        Assert.False(Nuban.IsValid("090409", "4097553750"));
        Assert.False(Nuban.IsValid("090409", "7582757982"));
    }

    [Theory]
    [InlineData("0123456784")] // wrong check digit
    [InlineData("0123456786")]
    [InlineData("1023456785")] // transposed digits
    [InlineData("123456785")]
    [InlineData("01234567850")]
    [InlineData("012345678a")]
    [InlineData("０１２３４５６７８５")]
    [InlineData("")]
    [InlineData(null)]
    public void Wrong_or_malformed_numbers_are_invalid(string? accountNumber) => Assert.False(Nuban.IsValid("058", accountNumber));

    [Fact]
    public void A_number_valid_at_one_bank_is_usually_not_at_another() =>
        Assert.False(Nuban.IsValid("090409", "0123456785"));

    [Theory]
    [InlineData("58")]
    [InlineData("0058")]
    [InlineData("0000058")]
    [InlineData("05a")]
    [InlineData("")]
    public void Malformed_institution_codes_are_configuration_errors(string code)
    {
        Assert.Throws<ArgumentException>(() => Nuban.Create(code, 1));
        Assert.Throws<ArgumentException>(() => Nuban.IsValid(code, "0123456785"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_000)]
    public void Serials_outside_nine_digits_are_refused(long serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Nuban.Create("058", serial));

    [Fact]
    public void Every_serial_has_exactly_one_valid_check_digit()
    {
        for (var check = 0; check < 10; check++)
        {
            Assert.Equal(check == 5, Nuban.IsValid("058", "012345678" + check));
        }
    }
}
