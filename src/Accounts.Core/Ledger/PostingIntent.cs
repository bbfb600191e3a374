namespace Accounts.Core.Ledger;

/// <summary>The plain case: post this entry unless its reference is already in the book.</summary>
internal sealed class PostingIntent(Posting posting) : ILedgerIntent
{
    public IReadOnlyCollection<string> References { get; } = [posting.Reference];

    public LedgerDecision Decide(IReadOnlyDictionary<string, LedgerEntry> known, IReadOnlyDictionary<string, BookBalance> balances) =>
        new LedgerDecision.Post(posting);
}
