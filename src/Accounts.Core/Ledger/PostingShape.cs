namespace Accounts.Core.Ledger;

/// <summary>
/// The balance change a posting may make, given its direction and status (docs/LEDGER.md, "Posting"). With m the
/// posting's amount in minor units (never negative):
/// <list type="bullet">
/// <item>Credit, Pending: pending +m; nothing else.</item>
/// <item>Credit, Settled: posted +m; pending may only fall (the release of the credit's own pending amount).</item>
/// <item>Credit, Failed: no posted money; pending may only fall (a refused or rejected credit releasing its hold).</item>
/// <item>Debit, Settled: posted −m; nothing else.</item>
/// <item>Debit, Failed: nothing (a debit recorded, not applied).</item>
/// </list>
/// Any other pair (a pending debit, a posting with status Reversed) and any reserved move are refused: no operation
/// of the ledger makes them, so a posting that does is a fault in its caller, not money to book. Reversed is the
/// status a reader sees for an entry a later Reversal entry names; it is never posted. A release can only free what
/// is pending in the posting's currency: pending never falls below zero.
/// </summary>
public static class PostingShape
{
    /// <summary>
    /// Why <paramref name="posting"/>'s delta disagrees with its direction and status or releases more than
    /// <paramref name="current"/> (null: an empty balance) holds pending, or null when it is sound.
    /// </summary>
    public static string? Violation(Posting posting, BookBalance? current)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var (m, d) = (posting.Amount.Minor, posting.Delta);
        if (m < 0)
        {
            return $"the amount is {m} minor units; amounts are never negative (the direction carries the sign)";
        }

        if (d.Reserved != 0)
        {
            return $"it moves reserved by {d.Reserved}; no posting reserves funds";
        }

        if (d.Pending < 0 && (Int128)(current?.Pending ?? 0) + d.Pending < 0)
        {
            return $"it releases {-d.Pending} pending but the {posting.Currency.Code} balance holds {current?.Pending ?? 0} pending";
        }

        return (posting.Direction, posting.Status) switch
        {
            (Direction.Credit, EntryStatus.Pending) when d.Posted != 0 || d.Pending != m =>
                $"a pending credit of {m} moves pending by exactly +{m} and posted not at all, not posted {d.Posted}, pending {d.Pending}",
            (Direction.Credit, EntryStatus.Settled) when d.Posted != m || d.Pending > 0 =>
                $"a settled credit of {m} moves posted by exactly +{m} and may only release pending, not posted {d.Posted}, pending {d.Pending}",
            (Direction.Credit, EntryStatus.Failed) when d.Posted != 0 || d.Pending > 0 =>
                $"a failed credit moves no posted money and may only release pending, not posted {d.Posted}, pending {d.Pending}",
            (Direction.Debit, EntryStatus.Settled) when d.Posted != -m || d.Pending != 0 =>
                $"a settled debit of {m} moves posted by exactly -{m} and pending not at all, not posted {d.Posted}, pending {d.Pending}",
            (Direction.Debit, EntryStatus.Failed) when d.Posted != 0 || d.Pending != 0 =>
                $"a failed debit moves nothing, not posted {d.Posted}, pending {d.Pending}",
            (Direction.Credit, EntryStatus.Pending) or (Direction.Credit, EntryStatus.Settled) or (Direction.Credit, EntryStatus.Failed)
                or (Direction.Debit, EntryStatus.Settled) or (Direction.Debit, EntryStatus.Failed) => null,
            var (direction, status) => $"a {direction} posting cannot have status {status}",
        };
    }
}
