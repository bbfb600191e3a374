namespace Accounts.Core.Tenancy;

public interface ITokenStore
{
    Task InsertAsync(AccessToken token, CancellationToken ct);

    Task<AccessToken?> FindAsync(string tokenHash, CancellationToken ct);
}
