namespace Accounts.Core.Ledger;

/// <summary>The tip of a book's hash chain: how many entries it has, the last hash and the last entry time.</summary>
public sealed record BookHead(long Sequence, string LastHash, DateTimeOffset LastTime)
{
    /// <summary>The chain of an empty book starts from this hash.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static BookHead Empty { get; } = new(0, GenesisHash, DateTimeOffset.MinValue);
}
