using Accounts.Core.Errors;
using Accounts.Core.NubanAccounts;
using Accounts.Core.Routing;
using NubanNumber = Accounts.Core.Routing.Nuban;

namespace Accounts.Core.Tests.NubanAccounts;

public sealed class NubanNumberAllocatorTests
{
    private static readonly Institution Fcmb = InstitutionCatalog.Default.Find("090409")!;

    // Worked examples, CBN 2020 scheme over "090409" + serial with weights 3,7,3,3,7,3,3,7,3,3,7,3,3,7,3:
    // 090409 123456789 → 0·3+9·7+0·3+4·3+0·7+9·3 + 1·3+2·7+3·3+4·3+5·7+6·3+7·3+8·7+9·3 = 102 + 195 = 297 → (10 − 7) mod 10 = 3.
    // 090409 100000000 → 63+12+27+3 = 105 → (10 − 5) mod 10 = 5.
    // 090409 999999999 → 102 + 9·(3+3+7+3+3+7+3+3+7) = 102 + 351 = 453 → 7.
    [Theory]
    [InlineData(123_456_789, "1234567893")]
    [InlineData(100_000_000, "1000000005")]
    [InlineData(999_999_999, "9999999997")]
    public void Check_digits_match_worked_examples(long serial, string expected)
    {
        Assert.Equal(expected, NubanNumber.Create("090409", serial));
        Assert.True(NubanNumber.IsValid("090409", expected));
    }

    [Fact]
    public async Task A_taken_number_is_drawn_again_until_a_claim_succeeds()
    {
        var taken = new HashSet<string>();
        var draws = new Queue<int>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6, 7, 8, 9]);
        var claims = new List<string>();

        var number = await NubanNumberAllocator.AllocateAsync(Fcmb, _ => draws.Dequeue(), (candidate, _) =>
        {
            claims.Add(candidate);
            return Task.FromResult(claims.Count > 1 && taken.Add(candidate));
        }, CancellationToken.None);

        // Nine draws per number, the first shifted to 1–9: 100000000 is refused, then 123456789 gets its check digit.
        Assert.Equal(["1000000005", "1234567893"], claims);
        Assert.Equal("1234567893", number);
    }

    [Fact]
    public async Task When_every_draw_is_taken_the_allocation_fails_as_unavailable_not_as_a_crash()
    {
        var attempts = 0;

        var ex = await Assert.ThrowsAsync<DomainException>(() => NubanNumberAllocator.AllocateAsync(Fcmb, n => n - 1,
            (_, _) => Task.FromResult(++attempts < 0), CancellationToken.None));

        Assert.Equal((ErrorKind.Unavailable, NubanNumberAllocator.MaxAttempts), (ex.Kind, attempts));
    }
}
