using System.Collections.Concurrent;
using Accounts.Core.Accounts;
using Accounts.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>
/// Account lists as rows of the AccountIndex table (see <see cref="AccountListRows"/>). Every change is one
/// entity-group transaction that replaces the head at the ETag it was read with, so concurrent appends take distinct
/// positions, and that inserts the member (or closed marker) row, so a repeated append or close counts once; a lost race
/// reads again and retries. Everything but creation is point reads and such transactions: no query.
/// </summary>
public sealed class TableAccountLists(StorageTables tables) : IAccountLists
{
    private const int BuildRowsPerTransaction = 100; // the limit of an entity-group transaction
    private const int BuildParallelism = 8;
    private const int MaxAttempts = 500;

    // Writers of one list in this process take turns instead of racing for its head: racing writers each spend a
    // transaction per lost round, so fifty at once cost about fifty squared. Striped, so the locks stay few; the ETag
    // still decides between processes.
    private readonly SemaphoreSlim[] _turns = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    // Whether a tenant's accounts are all in lists never changes once recorded, so it is remembered.
    private readonly ConcurrentDictionary<string, bool> _covered = new(StringComparer.Ordinal);

    private StorageTable Table => tables.AccountIndex;

    public async Task<bool> CoversTenantAsync(string tenantId, CancellationToken ct)
    {
        if (_covered.TryGetValue(tenantId, out var known))
        {
            return known;
        }

        var partition = AccountListRows.CoveragePartition(tenantId);
        var row = await Table.GetAsync(partition, AccountListRows.CoverageKey(tenantId), ct);
        if (row is null)
        {
            // Decided before this tenant's first list is created, hence before any account opened with lists is stored
            // (opening appends first): any stored account found now was stored without lists. Of concurrent deciders the
            // first insert wins, and it looked before any such account existed.
            var stored = await tables.Accounts.QueryAllAsync(TableReads.Partition(AccountRows.Partition(tenantId)), ct, limit: 1);
            await Table.TryInsertAsync(AccountListRows.Coverage(tenantId, legacy: stored.Count > 0), ct);
            row = await Table.GetAsync(partition, AccountListRows.CoverageKey(tenantId), ct)
                ?? throw new InvalidOperationException($"Account list coverage of tenant {tenantId} vanished after it was written");
        }

        var covered = row.GetInt32OrNull("Legacy") == 0;
        _covered[tenantId] = covered;
        return covered;
    }

    public async Task<AccountListHead?> GetHeadAsync(AccountList list, CancellationToken ct)
    {
        var row = await Table.GetAsync(AccountListRows.Partition(list), AccountListRows.HeadKey(list), ct);
        return row is null ? null : AccountListRows.ToHead(row);
    }

    /// <summary>
    /// Writes the members under a fresh generation, then inserts the head if absent: the head is the commit point, so a
    /// concurrent build that loses leaves rows of a generation no head names, never mixed into the winner's.
    /// </summary>
    public async Task<AccountListHead> CreateAsync(AccountList list, IReadOnlyList<(string AccountId, bool Closed)> members,
        CancellationToken ct)
    {
        if (await GetHeadAsync(list, ct) is { } existing)
        {
            return existing;
        }

        var generation = Guid.NewGuid().ToString("N")[..12];
        var rows = members.SelectMany((m, position) => Rows(list, generation, position, m.AccountId, m.Closed))
            .Chunk(BuildRowsPerTransaction);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = BuildParallelism, CancellationToken = ct },
            async (chunk, token) =>
                await SubmitAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token));

        var head = new AccountListHead(members.Count, members.Count(m => m.Closed), generation);
        return await Table.TryInsertAsync(AccountListRows.Head(list, head, null), ct) is not null
            ? head
            : await GetHeadAsync(list, ct) ?? throw new InvalidOperationException($"Account list {list.Scope} head vanished after a conflict");
    }

    public Task<DateTimeOffset?> AppendAsync(AccountList list, string accountId, DateTimeOffset now, CancellationToken ct) =>
        InTurnAsync(list, () => AppendOnceAsync(list, accountId, now, ct), ct);

    public Task<bool> MarkClosedAsync(AccountList list, string accountId, CancellationToken ct) =>
        InTurnAsync(list, () => MarkClosedOnceAsync(list, accountId, ct), ct);

    private async Task<DateTimeOffset?> AppendOnceAsync(AccountList list, string accountId, DateTimeOffset now, CancellationToken ct)
    {
        var partition = AccountListRows.Partition(list);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var headRow = await Table.GetAsync(partition, AccountListRows.HeadKey(list), ct);
            if (headRow is null)
            {
                return null;
            }

            var head = AccountListRows.ToHead(headRow);
            var last = headRow.GetTimeOrNull("Last");
            var at = last is { } previous && now <= previous ? previous.AddTicks(1) : now;
            var position = head.Appended;
            try
            {
                await SubmitAsync(
                [
                    new(TableTransactionActionType.UpdateReplace, AccountListRows.Head(list, head with { Appended = position + 1 }, at), headRow.ETag),
                    new(TableTransactionActionType.UpsertReplace, AccountListRows.Slot(list, head.Generation, position, accountId)),
                    new(TableTransactionActionType.Add, AccountListRows.Member(list, head.Generation, position, accountId, at)),
                ], ct);
                return at;
            }
            catch (RequestFailedException e) when (e.Is(StorageStatus.Conflict))
            {
                // The member row is the only insert: the account was appended before (a retried open).
                var member = await Table.GetAsync(partition, AccountListRows.MemberKey(head.Generation, accountId), ct)
                    ?? throw new InvalidOperationException($"Member {accountId} of account list {list.Scope} vanished after a conflict");
                return member.GetTimeOrNull("At") ?? now;
            }
            catch (RequestFailedException e) when (e.Is(StorageStatus.PreconditionFailed))
            {
                // Another append moved the head: take the next position.
                await BackOffAsync(attempt, ct);
            }
        }

        throw new TimeoutException($"Account list {list.Scope} stayed contended for {MaxAttempts} attempts");
    }

    private async Task<bool> MarkClosedOnceAsync(AccountList list, string accountId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (headRow, head) = await ReadHeadAsync(list, ct);
            var partition = AccountListRows.Partition(list);
            var member = Table.GetAsync(partition, AccountListRows.MemberKey(head.Generation, accountId), ct);
            var marker = Table.GetAsync(partition, AccountListRows.ClosedKey(head.Generation, accountId), ct);
            if (await member is null)
            {
                return false;
            }

            if (await marker is not null)
            {
                return true;
            }

            if (await TrySubmitAsync(
                [
                    new(TableTransactionActionType.UpdateReplace,
                        AccountListRows.Head(list, head with { Closed = head.Closed + 1 }, headRow.GetTimeOrNull("Last")), headRow.ETag),
                    new(TableTransactionActionType.Add, AccountListRows.Closed(list, head.Generation, accountId)),
                ], ct))
            {
                return true;
            }

            await BackOffAsync(attempt, ct);
        }

        throw new TimeoutException($"Account list {list.Scope} stayed contended for {MaxAttempts} attempts");
    }

    public async Task<IReadOnlyList<string?>> SlotsAsync(AccountList list, AccountListHead head, long from, int count, CancellationToken ct)
    {
        var partition = AccountListRows.Partition(list);
        var rows = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(i => Table.GetAsync(partition, AccountListRows.SlotKey(head.Generation, from + i), ct)));
        return rows.Select(r => r?.GetStringOrNull("AccountId")).ToList();
    }

    private async Task<T> InTurnAsync<T>(AccountList list, Func<Task<T>> write, CancellationToken ct)
    {
        var turn = _turns[(int)((uint)StringComparer.Ordinal.GetHashCode(AccountListRows.Partition(list)) % (uint)_turns.Length)];
        await turn.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task<(TableEntity Row, AccountListHead Head)> ReadHeadAsync(AccountList list, CancellationToken ct)
    {
        var row = await Table.GetAsync(AccountListRows.Partition(list), AccountListRows.HeadKey(list), ct)
            ?? throw new InvalidOperationException($"Account list {list.Scope} of tenant {list.TenantId} has not been created");
        return (row, AccountListRows.ToHead(row));
    }

    private static IEnumerable<TableEntity> Rows(AccountList list, string generation, long position, string accountId, bool closed)
    {
        yield return AccountListRows.Slot(list, generation, position, accountId);
        yield return AccountListRows.Member(list, generation, position, accountId, null);
        if (closed)
        {
            yield return AccountListRows.Closed(list, generation, accountId);
        }
    }

    private Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct) =>
        Table.RunAsync(bounded => Table.Once.SubmitTransactionAsync(actions, bounded), ct);

    // All or nothing: a stale head ETag or an existing member/marker key means nothing was written.
    private async Task<bool> TrySubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            await SubmitAsync(actions, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.IsConcurrencyConflict())
        {
            return false;
        }
    }

    // Spreads the retries of writers that lost the same race, so they do not collide again at once.
    private static Task BackOffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(20, 2 + attempt))), ct);
}
