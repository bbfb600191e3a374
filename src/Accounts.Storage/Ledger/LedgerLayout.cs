namespace Accounts.Storage.Ledger;

/// <summary>Where a book's head is (see <see cref="BookHeads"/>), setting Ledger:Heads.</summary>
public enum HeadRows
{
    /// <summary>The default: heads stay the shared row "head" and balance rows are kept, which the previous version reads.</summary>
    Shared,

    /// <summary>
    /// Books get a head keyed by book, when first committed to, and no balance rows; a book not yet moved is read where
    /// it is. The previous version reads neither, so a deployment turns this on only once every instance runs this
    /// version and none will be rolled back to the previous one.
    /// </summary>
    Keyed,

    /// <summary>
    /// As <see cref="Keyed"/>, for a ledger where every book that has a head has a keyed one (a deployment whose ledger
    /// began with keyed heads): a book without a keyed head is empty, one point read. A book whose head is still the
    /// shared row reads as empty and fails every commit (its first commit's insert of the shared row's marker finds the
    /// head there), so the mistake shows instead of forking the book.
    /// </summary>
    KeyedOnly,
}

/// <summary>How the ledger lays out a book's rows.</summary>
public sealed record LedgerLayout(HeadRows Heads)
{
    public const string Setting = "Ledger:Heads";

    public static readonly LedgerLayout Shared = new(HeadRows.Shared);
}
