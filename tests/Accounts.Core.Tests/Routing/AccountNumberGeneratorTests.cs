using Accounts.Core.Routing;

namespace Accounts.Core.Tests.Routing;

public sealed class AccountNumberGeneratorTests
{
    /// <summary>Replays fixed draws, checking each is asked with the range the generator claims.</summary>
    private static Func<int, int> Draws(params int[] values)
    {
        var queue = new Queue<int>(values);
        return n => queue.Count > 0 ? queue.Dequeue() : 0;
    }

    [Fact]
    public void Numbers_have_the_institution_length_and_never_start_with_zero()
    {
        var cfsb = InstitutionCatalog.Default.Find("CMFGUS33")!;

        // First draw is below 9 and maps to 1..9, so an all-zero source still gives a leading 1.
        Assert.Equal("1000000000", AccountNumberGenerator.Next(cfsb, _ => 0));
        Assert.Equal("9999999999", AccountNumberGenerator.Next(cfsb, n => n - 1));
        Assert.Equal("3141592653", AccountNumberGenerator.Next(cfsb, Draws(2, 1, 4, 1, 5, 9, 2, 6, 5, 3)));
    }

    [Fact]
    public void The_first_digit_is_drawn_below_nine_and_the_rest_below_ten()
    {
        var bounds = new List<int>();
        AccountNumberGenerator.Next(InstitutionCatalog.Default.Find("CLRBGB22")!, n => { bounds.Add(n); return 0; });

        Assert.Equal([9, 10, 10, 10, 10, 10, 10, 10], bounds);
    }

    [Fact]
    public void Every_catalog_institution_gets_numbers_of_its_length_that_fit_its_iban()
    {
        var random = new Random(20250409);
        foreach (var institution in InstitutionCatalog.Default.All)
        {
            for (var i = 0; i < 200; i++)
            {
                var number = AccountNumberGenerator.Next(institution, random.Next);

                Assert.Equal(institution.AccountNumberLength, number.Length);
                Assert.True(number.All(char.IsAsciiDigit) && number[0] != '0', number);
                if (institution.Iban is { } scheme)
                {
                    Assert.True(Iban.IsValid(scheme.Build(institution, number)));
                }
            }
        }
    }

    [Fact]
    public void Nigerian_numbers_are_nubans_of_the_institution()
    {
        var fcmb = InstitutionCatalog.Default.Find("090409")!;

        // Draws 3,0,9,7,5,5,3,7,5 → serial 409755375 (first digit 3 + 1) → check digit 5 (worked in NubanTests).
        Assert.Equal("4097553755", AccountNumberGenerator.Next(fcmb, Draws(3, 0, 9, 7, 5, 5, 3, 7, 5)));

        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            Assert.True(Nuban.IsValid("090409", AccountNumberGenerator.Next(fcmb, random.Next)));
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void A_random_source_out_of_range_fails_loudly(int value) =>
        Assert.Throws<InvalidOperationException>(() => AccountNumberGenerator.Next(InstitutionCatalog.Default.Find("CMFGUS33")!, _ => value));
}
