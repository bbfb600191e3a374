using System.Reflection;
using Accounts.Core.Ledger;
using Accounts.Core.Money;
using MoneyValue = Accounts.Core.Money.Money;

namespace Accounts.Core.Tests.Ledger;

public sealed class HashChainCanonicalFormTests
{
    [Fact]
    public void Moving_text_across_a_field_boundary_changes_the_hash()
    {
        var entry = ChainBuilder.Entry(0) with { Description = "ab", Counterparty = "c" };
        var shifted = entry with { Description = "a", Counterparty = "bc" };

        Assert.NotEqual(HashChain.Compute(entry), HashChain.Compute(shifted));
    }

    [Fact]
    public void A_separator_like_text_inside_a_field_cannot_impersonate_the_next_field()
    {
        // Without length prefixes "x|3:abc" + null could read like "x" + "abc".
        var entry = ChainBuilder.Entry(0) with { Description = "x", ParentEntryId = "abc", Counterparty = null };
        var forged = entry with { Description = "x3:abc", ParentEntryId = null, Counterparty = null };

        Assert.NotEqual(HashChain.Compute(entry), HashChain.Compute(forged));
    }

    [Fact]
    public void Null_and_empty_are_different()
    {
        var entry = ChainBuilder.Entry(0);

        Assert.NotEqual(HashChain.Compute(entry with { Counterparty = null }), HashChain.Compute(entry with { Counterparty = "" }));
        Assert.NotEqual(HashChain.Compute(entry with { ParentEntryId = null }), HashChain.Compute(entry with { ParentEntryId = "" }));
    }

    [Fact]
    public void Different_lone_surrogates_do_not_collide()
    {
        var entry = ChainBuilder.Entry(0);

        Assert.NotEqual(HashChain.Compute(entry with { Description = "\ud800" }), HashChain.Compute(entry with { Description = "\ud801" }));
    }

    [Fact]
    public void The_same_instant_at_another_offset_hashes_the_same()
    {
        var entry = ChainBuilder.Entry(0);
        var shifted = entry with { CreatedAt = entry.CreatedAt.ToOffset(TimeSpan.FromHours(8)) };

        Assert.Equal(HashChain.Compute(entry), HashChain.Compute(shifted));
    }

    [Fact]
    public void The_canonical_text_is_stable()
    {
        // Pins the v1 format: changing it silently would make every stored chain fail verification.
        var text = HashChain.CanonicalText(ChainBuilder.Entry(0));

        Assert.Equal(
            "24:accounts/ledger-entry/v164:" + BookHead.GenesisHash + "1:16:book-17:entry-09:account-15:ref-0" +
            "7:Deposit6:Credit7:Settled6:1000003:USD1:06:1000001:01:06:1000006:1000009:Deposit 0~~18:638797903570000000",
            text);
    }

    [Fact]
    public void The_hash_matches_an_independent_implementation()
    {
        // Computed outside .NET: hashlib.sha256(text.encode("utf-16-le", "surrogatepass")).hexdigest() in Python.
        Assert.Equal("1cd53f3e55ebd8b398108658304fb6baced534323406abb1e1c1f44519a520b1", ChainBuilder.Entry(0).Hash);
    }

    /// <summary>
    /// Guards "every field except Hash": changes each constructor argument of <see cref="LedgerEntry"/> in turn, so a
    /// field added to the record later fails here until the canonical text includes it.
    /// </summary>
    [Fact]
    public void Every_field_but_the_hash_itself_is_covered()
    {
        var original = ChainBuilder.Entry(0) with { Counterparty = "c", ParentEntryId = "p" };
        var constructor = typeof(LedgerEntry).GetConstructors().Single(c => c.GetParameters().Length > 1);
        var parameters = constructor.GetParameters();
        var baseline = parameters.Select(p => typeof(LedgerEntry).GetProperty(Pascal(p.Name!))!.GetValue(original)).ToArray();

        foreach (var (parameter, index) in parameters.Select((p, i) => (p, i)).Where(x => x.p.Name != "Hash"))
        {
            foreach (var variant in Variants(baseline[index]))
            {
                var args = (object?[])baseline.Clone();
                args[index] = variant;
                var changed = (LedgerEntry)constructor.Invoke(args);

                Assert.True(
                    HashChain.Compute(changed) != HashChain.Compute(original),
                    $"changing {parameter.Name} to {variant} did not change the hash");
            }
        }
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static IEnumerable<object?> Variants(object? value) => value switch
    {
        string s => [s + "x", null],
        long l => [l + 1, -l - 1],
        Enum e => [Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e))],
        MoneyValue m => [m with { Minor = m.Minor + 1 }, new MoneyValue(m.Minor, Currency.Parse("EUR", "c"))],
        BalanceDelta d => [d with { Posted = d.Posted + 1 }, d with { Pending = d.Pending + 1 }, d with { Reserved = d.Reserved + 1 }],
        DateTimeOffset t => [t.AddTicks(1)],
        _ => throw new InvalidOperationException($"no variants for {value?.GetType().Name ?? "null"}: extend this test"),
    };
}
