using Accounts.Core.Accounts;

namespace Accounts.Core.Tests.Fakes;

/// <summary>Account lists in memory, with the store's contract: one creation wins, appends and closes count once.</summary>
internal sealed class InMemoryAccountLists : IAccountLists
{
    private readonly Dictionary<AccountList, State> _lists = new();

    /// <summary>Never: every list without a head is built from the stored accounts, which core tests often insert directly.</summary>
    public Task<bool> CoversTenantAsync(string tenantId, CancellationToken ct) => Task.FromResult(false);

    public Task<AccountListHead?> GetHeadAsync(AccountList list, CancellationToken ct)
    {
        lock (_lists)
        {
            return Task.FromResult(_lists.TryGetValue(list, out var state) ? state.Head : null);
        }
    }

    public Task<AccountListHead> CreateAsync(AccountList list, IReadOnlyList<(string AccountId, bool Closed)> members, CancellationToken ct)
    {
        lock (_lists)
        {
            if (!_lists.TryGetValue(list, out var state))
            {
                state = new State();
                foreach (var (id, closed) in members)
                {
                    state.Members[id] = (state.Slots.Count, null);
                    state.Slots.Add(id);
                    if (closed)
                    {
                        state.Closed.Add(id);
                    }
                }

                _lists[list] = state;
            }

            return Task.FromResult(state.Head);
        }
    }

    public Task<DateTimeOffset?> AppendAsync(AccountList list, string accountId, DateTimeOffset now, CancellationToken ct)
    {
        lock (_lists)
        {
            if (!_lists.TryGetValue(list, out var state))
            {
                return Task.FromResult<DateTimeOffset?>(null);
            }

            if (state.Members.TryGetValue(accountId, out var member))
            {
                return Task.FromResult<DateTimeOffset?>(member.At ?? now);
            }

            var at = state.Last is { } last && now <= last ? last.AddTicks(1) : now;
            state.Members[accountId] = (state.Slots.Count, at);
            state.Slots.Add(accountId);
            state.Last = at;
            return Task.FromResult<DateTimeOffset?>(at);
        }
    }

    public Task<bool> MarkClosedAsync(AccountList list, string accountId, CancellationToken ct)
    {
        lock (_lists)
        {
            var state = _lists[list];
            return Task.FromResult(state.Members.ContainsKey(accountId) && (state.Closed.Add(accountId) || true));
        }
    }

    public Task<IReadOnlyList<string?>> SlotsAsync(AccountList list, AccountListHead head, long from, int count, CancellationToken ct)
    {
        lock (_lists)
        {
            var slots = _lists[list].Slots;
            return Task.FromResult<IReadOnlyList<string?>>(Enumerable.Range(0, count)
                .Select(i => from + i < slots.Count ? slots[(int)(from + i)] : null).ToList());
        }
    }

    private sealed class State
    {
        public List<string> Slots { get; } = [];

        public Dictionary<string, (long Position, DateTimeOffset? At)> Members { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Closed { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? Last { get; set; }

        public AccountListHead Head => new(Slots.Count, Closed.Count, "memory");
    }
}
