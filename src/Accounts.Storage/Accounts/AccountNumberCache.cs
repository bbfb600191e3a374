using System.Collections.Concurrent;

namespace Accounts.Storage.Accounts;

/// <summary>
/// Which account id a tenant's account number belongs to, remembered from earlier lookups. Safe to keep because that
/// mapping never changes: the number index is written insert-if-absent and never deleted or repointed. Only the id is
/// kept; the account itself (status, block, expiry) is always read fresh, and a read that does not confirm the number
/// drops the entry. Bounded: when full it starts over, and lookups fill it again from storage.
/// </summary>
internal sealed class AccountNumberCache(int capacity)
{
    private readonly ConcurrentDictionary<(string TenantId, string Number), string> _ids = new();

    public bool TryGet(string tenantId, string accountNumber, out string accountId) =>
        _ids.TryGetValue((tenantId, accountNumber), out accountId!);

    public void Remember(string tenantId, string accountNumber, string accountId)
    {
        if (_ids.Count >= capacity)
        {
            _ids.Clear();
        }

        _ids[(tenantId, accountNumber)] = accountId;
    }

    public void Forget(string tenantId, string accountNumber) => _ids.TryRemove((tenantId, accountNumber), out _);
}
