using Accounts.Core.Accounts;
using Accounts.Core.Errors;
using Accounts.Core.Internal;
using Accounts.Core.Ledger;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Internal;

/// <summary>externalId as the create's idempotency key, through the one key mechanism.</summary>
public sealed class InternalProductTests
{
    private static readonly OpenInternalAccount Request = new("identity", "CHECKING", "custody", "PKR", "Wallet", "ext-1", null);
    private readonly TestLifecycle _core = new(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));

    private InternalProduct Product => new(_core.Lifecycle, _core.Accounts, _core.Keys, new InternalParents(_core.Accounts, _core.Lifecycle, _core.Clock));

    [Fact]
    public async Task A_replayed_create_returns_the_account_it_made_and_another_request_with_its_key_is_a_conflict()
    {
        var first = await Product.OpenAsync("t1", Request, CancellationToken.None);
        var replay = await Product.OpenAsync("t1", Request, CancellationToken.None);
        var other = await Assert.ThrowsAsync<DomainException>(() => Product.OpenAsync("t1", Request with { Name = "Other" }, CancellationToken.None));

        Assert.Equal(first.Id, replay.Id);
        Assert.Equal((ErrorKind.Conflict, "externalId"), (other.Kind, other.Field));
        Assert.Single(await _core.Accounts.ListByTenantAsync("t1", AccountKind.Internal, CancellationToken.None));
    }

    [Fact]
    public async Task A_create_that_stopped_after_claiming_its_key_is_finished_under_the_same_id_by_its_retry()
    {
        var scope = AccountLifecycle.ExternalIdScope("t1");
        await _core.Claims.ClaimAsync(scope, "ext-1", "stopped-id", Request.Fingerprint(), CancellationToken.None);

        var account = await Product.OpenAsync("t1", Request, CancellationToken.None);

        Assert.Equal("stopped-id", account.Id);
    }

    [Fact]
    public async Task An_account_created_before_claims_kept_fingerprints_still_replays_by_the_fingerprint_on_the_account()
    {
        var legacy = await _core.Accounts.InsertAsync(InternalTestAccounts.Pkr(id: "legacy") with
        {
            TenantId = "t1",
            Attributes = new Dictionary<string, string> { [InternalAttributes.CreateFingerprint] = Request.Fingerprint() },
        }, CancellationToken.None);
        _core.Claims.Seed(AccountLifecycle.ExternalIdScope("t1"), "ext-1", legacy.Id);

        var replay = await Product.OpenAsync("t1", Request, CancellationToken.None);
        var other = await Assert.ThrowsAsync<DomainException>(() => Product.OpenAsync("t1", Request with { Name = "Other" }, CancellationToken.None));

        Assert.Equal("legacy", replay.Id);
        Assert.Equal(ErrorKind.Conflict, other.Kind);
    }

    [Fact]
    public async Task An_external_id_given_to_an_account_by_update_cannot_be_taken_by_a_create()
    {
        var account = await Product.OpenAsync("t1", Request with { ExternalId = null }, CancellationToken.None);
        await _core.Lifecycle.UpdateAsync(ct => _core.Lifecycle.GetAsync("t1", account.Id, AccountKind.Internal, null, ct),
            new AccountChange(ExternalId: "ext-9"), CancellationToken.None);

        var taken = await Assert.ThrowsAsync<DomainException>(() =>
            Product.OpenAsync("t1", Request with { ExternalId = "ext-9" }, CancellationToken.None));

        Assert.Equal((ErrorKind.Conflict, "externalId"), (taken.Kind, taken.Field));
    }

    [Fact]
    public async Task A_sub_account_whose_parent_was_deleted_while_it_was_opened_is_closed_and_sealed_in_its_book()
    {
        var parent = await Product.OpenAsync("t1", Request with { ExternalId = null }, CancellationToken.None);
        _core.Accounts.BeforeUpdate = async _ =>
        {
            var fresh = await _core.Accounts.GetAsync("t1", parent.Id, CancellationToken.None);
            await _core.Accounts.UpdateAsync(fresh! with { Status = AccountStatus.Closed }, CancellationToken.None);
        };

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Product.OpenAsync("t1", Request with { ExternalId = "child", ParentId = parent.Id }, CancellationToken.None));

        Assert.Equal((ErrorKind.Conflict, "parentId"), (refused.Kind, refused.Field));
        var child = Assert.Single(await _core.Accounts.ListByTenantAsync("t1", AccountKind.Internal, CancellationToken.None),
            a => a.ParentId == parent.Id);
        Assert.True(child.IsClosed);
        var entries = await _core.Ledger.QueryEntriesAsync(child.BookId, new EntryQuery(), CancellationToken.None);
        Assert.Equal(AccountSeal.Reference(child.Id), Assert.Single(entries, e => e.Type == EntryType.Closure).Reference);
    }
}
