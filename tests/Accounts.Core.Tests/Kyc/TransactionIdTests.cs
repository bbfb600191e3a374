using Accounts.Core.Idempotency;
using Accounts.Core.Kyc;
using Accounts.Core.Errors;

namespace Accounts.Core.Tests.Kyc;

public sealed class TransactionIdTests
{
    [Fact]
    public void A_composed_id_parses_back_to_account_and_entry()
    {
        var account = Guid.NewGuid().ToString();
        var entry = Guid.CreateVersion7().ToString();

        Assert.Equal((account, entry), TransactionId.Parse($" {TransactionId.Compose(account, entry).ToUpperInvariant()} ", "tx_id"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301.x")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301.3f2504e0-4f89-41d3-9a0c-0305e82c3301.3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    public void Anything_else_is_invalid_naming_the_field(string? text)
    {
        var error = Assert.Throws<DomainException>(() => TransactionId.Parse(text, "tx_id"));

        Assert.Equal((ErrorKind.Validation, "tx_id"), (error.Kind, error.Field));
    }

    [Fact]
    public void Deterministic_ids_are_stable_version_8_uuids()
    {
        var id = IdempotencyKeys.DerivedId("vertex/first-account|t|e");

        Assert.Equal(id, IdempotencyKeys.DerivedId("vertex/first-account|t|e"));
        Assert.NotEqual(id, IdempotencyKeys.DerivedId("vertex/first-account|t|f"));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
    }
}
