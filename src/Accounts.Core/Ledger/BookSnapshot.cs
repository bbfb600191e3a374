namespace Accounts.Core.Ledger;

/// <summary>
/// What a commit is computed from: the chain head, the balances and the reference records asked for, each with the
/// store's version token. A commit built on a snapshot fails if any of them changed meanwhile.
/// </summary>
public sealed record BookSnapshot(
    string BookId,
    BookHead Head,
    string? HeadVersion,
    IReadOnlyDictionary<string, BookBalance> Balances,
    IReadOnlyDictionary<string, string> BalanceVersions,
    IReadOnlyDictionary<string, ReferenceRecord> References);
