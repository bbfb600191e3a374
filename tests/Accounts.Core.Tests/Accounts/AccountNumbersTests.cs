using Accounts.Core.Accounts.Numbers;
using Accounts.Core.Errors;
using Accounts.Core.Money;
using Accounts.Core.Routing;
using Accounts.Core.Tests.Fakes;
using NubanNumber = Accounts.Core.Routing.Nuban;

namespace Accounts.Core.Tests.Accounts;

/// <summary>The one allocation service: each strategy's candidates, and the one claim loop over them.</summary>
public sealed class AccountNumbersTests
{
    private static readonly Institution Fcmb = InstitutionCatalog.Default.Find("090409")!;
    private static readonly Currency Zar = Currency.Parse("ZAR", "currency");

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
        var draws = new Queue<int>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6, 7, 8, 9]);
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch, _ => draws.Dequeue());
        core.Accounts.Take(Fcmb.Code, "1000000005");

        var number = await core.Numbers.AllocateAsync(new NumberSource.Drawn(Fcmb), "t1", "a1", CancellationToken.None);

        // Nine draws per number, the first shifted to 1–9: 100000000 is refused, then 123456789 gets its check digit.
        Assert.Equal(["1000000005", "1234567893"], core.Accounts.ClaimAttempts);
        Assert.Equal("1234567893", number);
    }

    [Fact]
    public async Task When_every_draw_is_taken_the_allocation_fails_as_unavailable_not_as_a_crash()
    {
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch, n => n - 1);
        core.Accounts.Take(Fcmb.Code, NubanNumber.Create(Fcmb.Code, 999_999_999));
        var source = new NumberSource.Drawn(Fcmb);

        var ex = await Assert.ThrowsAsync<DomainException>(() => core.Numbers.AllocateAsync(source, "t1", "a1", CancellationToken.None));

        Assert.Equal((ErrorKind.Unavailable, source.Attempts), (ex.Kind, core.Accounts.ClaimAttempts.Count));
        Assert.Equal("no free account number could be allocated at FCMB MFB; retry later", ex.Message);
    }

    [Fact]
    public async Task A_number_claimed_by_the_same_account_is_its_own_so_a_retried_open_keeps_it()
    {
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch, n => n - 1);
        var source = new NumberSource.Drawn(Fcmb);

        var first = await core.Numbers.AllocateAsync(source, "t1", "a1", CancellationToken.None);
        var again = await core.Numbers.AllocateAsync(source, "t1", "a1", CancellationToken.None);
        var other = await Assert.ThrowsAsync<DomainException>(() => core.Numbers.AllocateAsync(source, "t2", "a1", CancellationToken.None));

        Assert.Equal(first, again);
        Assert.Equal(ErrorKind.Unavailable, other.Kind);
    }

    [Fact]
    public async Task Internal_references_are_twelve_digits_never_starting_with_zero()
    {
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch);

        var number = await core.Numbers.AllocateAsync(NumberSource.InternalReference, "t1", "a1", CancellationToken.None);

        Assert.Matches("^[1-9][0-9]{11}$", number);
        Assert.Equal("INTERNAL", NumberSource.InternalReference.InstitutionCode);
    }

    [Fact]
    public async Task A_pool_hands_out_its_numbers_in_order_skipping_one_already_claimed_and_never_twice()
    {
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch);
        var pool = new NumberPool("ZAF", Zar, [NumberRange.Parse("0001-0004")]);
        core.Accounts.Take(pool.InstitutionCode, "0002");

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await core.Numbers.AllocateAsync(new NumberSource.Pooled(pool), "t1", $"a{i}", CancellationToken.None));
        }

        Assert.Equal(["0001", "0003", "0004"], numbers);
        Assert.Equal(4, (await core.Pools.ReadAsync("ZAF", CancellationToken.None)).Next);
    }

    [Fact]
    public async Task An_exhausted_pool_refuses_as_unavailable_naming_its_country()
    {
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch);
        var pool = new NumberPool("ZAF", Zar, [NumberRange.Parse("7-7")]);
        await core.Numbers.AllocateAsync(new NumberSource.Pooled(pool), "t1", "a1", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            core.Numbers.AllocateAsync(new NumberSource.Pooled(pool), "t1", "a2", CancellationToken.None));

        Assert.Equal(ErrorKind.Unavailable, ex.Kind);
        Assert.Contains("pool for ZAF is exhausted (1 numbers allocated)", ex.Message);
    }

    [Fact]
    public async Task Concurrent_pool_allocations_never_share_a_number()
    {
        var core = new TestLifecycle(DateTimeOffset.UnixEpoch);
        var pool = new NumberPool("KEN", Zar, [NumberRange.Parse("100-199")]);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => core.Numbers.AllocateAsync(new NumberSource.Pooled(pool), "t1", $"a{i}", CancellationToken.None))));

        Assert.Equal(50, numbers.Distinct().Count());
    }
}
