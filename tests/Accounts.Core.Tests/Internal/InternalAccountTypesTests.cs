using Accounts.Core.Errors;
using Accounts.Core.Internal;

namespace Accounts.Core.Tests.Internal;

public class InternalAccountTypesTests
{
    [Theory]
    [InlineData("CHECKING", "CHECKING")]
    [InlineData("real", "REAL")]
    [InlineData(" Savings ", "SAVINGS")]
    public void Seed_examples_are_accepted_case_insensitively(string given, string stored) =>
        Assert.Equal(stored, InternalAccountTypes.Parse(given, "type"));

    [Theory]
    [InlineData("GOLD")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_values_are_refused_listing_the_allowed_ones(string? given)
    {
        var error = Assert.Throws<DomainException>(() => InternalAccountTypes.Parse(given, "type"));

        Assert.Equal("type", error.Field);
        Assert.Contains(string.Join(", ", InternalAccountTypes.All), error.Message);
    }

    [Fact]
    public void The_create_fingerprint_changes_with_every_field_that_defines_the_account()
    {
        var request = new OpenInternalAccount("id", "REAL", "c", "PKR", "n", "ext", "p");
        var variants = new[]
        {
            request with { IdentityId = "x" }, request with { Type = "LOAN" }, request with { Custody = "x" },
            request with { Currency = "USD" }, request with { Name = "x" }, request with { ParentId = null },
        };

        Assert.Equal(request.Fingerprint(), (request with { ExternalId = "other" }).Fingerprint());
        Assert.All(variants, v => Assert.NotEqual(request.Fingerprint(), v.Fingerprint()));
    }
}
