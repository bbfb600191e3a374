using Accounts.Core.Errors;
using Accounts.Core.Security;
using Accounts.Core.Tenancy;
using Accounts.Core.Tests.Fakes;

namespace Accounts.Core.Tests.Tenancy;

public sealed class CredentialLifecycleTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly InMemoryTenants _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TenantDirectory _directory;
    private readonly TenantAdministration _admin;
    private readonly TokenService _tokens;

    public CredentialLifecycleTests()
    {
        _directory = Directory();
        _admin = new TenantAdministration(_store, _directory, TestKeys.Hash, TestKeys.Box, _clock);
        _tokens = new TokenService(_store, TestKeys.Hash, _clock);
    }

    [Fact]
    public async Task A_created_tenants_credentials_are_generated_and_its_key_and_client_secret_work()
    {
        var created = await Create();

        Assert.StartsWith(GeneratedSecret.ApiKeyPrefix, created.ApiKey.Value);
        Assert.StartsWith(GeneratedSecret.ClientSecretPrefix, created.ClientSecret);
        Assert.StartsWith(GeneratedSecret.WebhookSecretPrefix, created.WebhookSecret);
        var caller = await _directory.AuthenticateKeyAsync(created.ApiKey.Value, Ct);
        Assert.Equal(("t1", created.ApiKey.Id), (caller.Tenant.Id, caller.KeyId));
        Assert.Equal([created.WebhookSecret], caller.Tenant.WebhookSecretsValidAt(_clock.GetUtcNow()));
        var token = await _tokens.IssueAsync(caller, created.ClientSecret, Ct);
        await _tokens.ValidateAsync(caller.Tenant, token.Value, Ct);
    }

    [Fact]
    public async Task Nothing_stored_holds_a_credential_in_clear()
    {
        var created = await Create();
        var caller = await _directory.AuthenticateKeyAsync(created.ApiKey.Value, Ct);
        var token = await _tokens.IssueAsync(caller, created.ClientSecret, Ct);
        await _admin.RotateWebhookSecretAsync("t1", Ct);

        var stored = string.Join("\n", _store.Tenants.Select(t => t.ToString()).Concat(_store.KeyHashes).Concat(_store.TokenHashes));

        Assert.DoesNotContain(created.ApiKey.Value, stored);
        Assert.DoesNotContain(created.ClientSecret, stored);
        Assert.DoesNotContain(created.WebhookSecret, stored);
        Assert.DoesNotContain(token.Value, stored);
        Assert.Contains(TestKeys.Hash.Of(TenantSecrets.ApiKeyPurpose, created.ApiKey.Value), stored);
    }

    [Fact]
    public async Task A_tenant_id_can_be_created_once()
    {
        await Create();

        var ex = await Assert.ThrowsAsync<DomainException>(Create);

        Assert.Equal(ErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task At_most_two_keys_are_active_and_a_revoked_slot_can_be_reused()
    {
        var created = await Create();
        var second = await _admin.IssueApiKeyAsync("t1", Ct);

        var third = await Assert.ThrowsAsync<DomainException>(() => _admin.IssueApiKeyAsync("t1", Ct));
        await _admin.RevokeApiKeyAsync("t1", created.ApiKey.Id, Ct);
        var replacement = await _admin.IssueApiKeyAsync("t1", Ct);

        Assert.Equal(ErrorKind.Conflict, third.Kind);
        Assert.Equal([second.Id, replacement.Id], (await _admin.GetAsync("t1", Ct)).ApiKeys.Select(k => k.Id));
        await _directory.AuthenticateAsync(replacement.Value, Ct);
    }

    [Fact]
    public async Task A_revoked_key_and_its_tokens_stop_at_once_here_while_the_other_keys_tokens_live_on()
    {
        var created = await Create();
        var second = await _admin.IssueApiKeyAsync("t1", Ct);
        var first = await _directory.AuthenticateKeyAsync(created.ApiKey.Value, Ct);
        var tokenOfFirst = await _tokens.IssueAsync(first, created.ClientSecret, Ct);
        var tokenOfSecond = await _tokens.IssueAsync(await _directory.AuthenticateKeyAsync(second.Value, Ct), created.ClientSecret, Ct);
        await _tokens.ValidateAsync(first.Tenant, tokenOfFirst.Value, Ct); // cached now

        await _admin.RevokeApiKeyAsync("t1", created.ApiKey.Id, Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _directory.AuthenticateAsync(created.ApiKey.Value, Ct));
        Assert.Equal(ErrorKind.Unauthorized, refused.Kind);
        var tenant = await _directory.AuthenticateAsync(second.Value, Ct);
        var tokenRefused = await Assert.ThrowsAsync<DomainException>(() => _tokens.ValidateAsync(tenant, tokenOfFirst.Value, Ct));
        Assert.Equal(ErrorKind.Unauthorized, tokenRefused.Kind);
        await _tokens.ValidateAsync(tenant, tokenOfSecond.Value, Ct);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => _admin.RevokeApiKeyAsync("t1", created.ApiKey.Id, Ct));
        Assert.Equal(ErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task Another_instance_stops_accepting_a_revoked_key_within_the_cache_bound()
    {
        var created = await Create();
        var elsewhere = Directory();
        await elsewhere.AuthenticateAsync(created.ApiKey.Value, Ct); // cached there

        await _admin.RevokeApiKeyAsync("t1", created.ApiKey.Id, Ct);
        _clock.Advance(TenantDirectory.CacheBound - TimeSpan.FromSeconds(1));
        await elsewhere.AuthenticateAsync(created.ApiKey.Value, Ct); // still inside the documented bound
        _clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<DomainException>(() => elsewhere.AuthenticateAsync(created.ApiKey.Value, Ct));
    }

    [Fact]
    public async Task After_a_client_secret_rotation_only_the_new_secret_issues_tokens()
    {
        var created = await Create();

        var rotated = await _admin.RotateClientSecretAsync("t1", Ct);
        var caller = await _directory.AuthenticateKeyAsync(created.ApiKey.Value, Ct);

        Assert.StartsWith(GeneratedSecret.ClientSecretPrefix, rotated);
        var ex = await Assert.ThrowsAsync<DomainException>(() => _tokens.IssueAsync(caller, created.ClientSecret, Ct));
        Assert.Equal(ErrorKind.Unauthorized, ex.Kind);
        await _tokens.IssueAsync(caller, rotated, Ct);
    }

    [Fact]
    public async Task The_previous_webhook_secret_verifies_for_24_hours_after_a_rotation_and_then_no_longer()
    {
        var created = await Create();

        var rotated = await _admin.RotateWebhookSecretAsync("t1", Ct);
        var during = await _directory.GetAsync("t1", Ct);

        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromHours(24), rotated.PreviousValidUntil);
        Assert.Equal([rotated.Value, created.WebhookSecret], during!.WebhookSecretsValidAt(_clock.GetUtcNow()));
        Assert.Equal([rotated.Value, created.WebhookSecret], during.WebhookSecretsValidAt(rotated.PreviousValidUntil.AddTicks(-1)));
        Assert.Equal([rotated.Value], during.WebhookSecretsValidAt(rotated.PreviousValidUntil));
    }

    [Fact]
    public async Task A_second_rotation_drops_the_oldest_webhook_secret_at_once()
    {
        var created = await Create();
        var first = await _admin.RotateWebhookSecretAsync("t1", Ct);

        var second = await _admin.RotateWebhookSecretAsync("t1", Ct);

        var secrets = (await _directory.GetAsync("t1", Ct))!.WebhookSecretsValidAt(_clock.GetUtcNow());
        Assert.Equal([second.Value, first.Value], secrets);
        Assert.DoesNotContain(created.WebhookSecret, secrets);
    }

    [Fact]
    public async Task Registering_from_configuration_again_with_another_key_revokes_the_old_one_and_its_tokens()
    {
        var registration = new TenantRegistration("dev", "Dev", "p", "pa", "SANDBOX", "dev-key-1", "dev-secret", "dev-webhook");
        await _directory.RegisterAsync(registration, Ct);
        var old = await _directory.AuthenticateKeyAsync("dev-key-1", Ct);
        var token = await _tokens.IssueAsync(old, "dev-secret", Ct);
        await _directory.RegisterAsync(registration, Ct); // a restart with the same configuration keeps it working
        await _tokens.ValidateAsync(await _directory.AuthenticateAsync("dev-key-1", Ct), token.Value, Ct);

        await _directory.RegisterAsync(registration with { ApiKey = "dev-key-2" }, Ct);

        await Assert.ThrowsAsync<DomainException>(() => _directory.AuthenticateAsync("dev-key-1", Ct));
        var tenant = await _directory.AuthenticateAsync("dev-key-2", Ct);
        await Assert.ThrowsAsync<DomainException>(() => _tokens.ValidateAsync(tenant, token.Value, Ct));
        Assert.Equal(["dev-webhook"], tenant.WebhookSecretsValidAt(_clock.GetUtcNow()));
    }

    [Fact]
    public async Task Operations_on_an_unknown_tenant_are_not_found()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => _admin.RotateClientSecretAsync("nobody", Ct));
        var issue = await Assert.ThrowsAsync<DomainException>(() => _admin.IssueApiKeyAsync("nobody", Ct));

        Assert.Equal((ErrorKind.NotFound, ErrorKind.NotFound), (ex.Kind, issue.Kind));
    }

    private TenantDirectory Directory() => new(_store, TestKeys.Hash, TestKeys.Box, _clock);

    private Task<CreatedTenant> Create() => _admin.CreateAsync(new NewTenant("t1", "Acme", "prod-1", "partner-1", "SANDBOX"), Ct);
}
