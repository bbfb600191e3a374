using System.Globalization;

namespace Accounts.Storage.Ledger;

/// <summary>
/// Row keys of a book's partition. Kinds are separated by prefix; '}' is the character after '|', so
/// "{prefix}|" to "{prefix}}" spans exactly one kind.
/// <para>
/// Rows every book has (its head, its first sequence-index block) carry the book's partition key in their row key too
/// (<see cref="KeyedHead"/>, <see cref="SequenceBlock"/>): Azurite finds a row by its row key first and then filters by
/// partition, so a row key shared by every book makes each of its reads and writes scan one row per book.
/// </para>
/// </summary>
internal static class LedgerKeys
{
    /// <summary>The head of a book written before heads were keyed by book, or the marker left where it was (see <see cref="BookHeads"/>).</summary>
    public const string Head = "head";
    public const string KeyedHeadPrefix = "head|";
    public const string BalancePrefix = "bal|";
    public const string BalanceEnd = "bal}";
    public const string EntryPrefix = "e|";
    public const string EntryEnd = "e}";
    public const string ReferencePrefix = "ref|";
    public const string SequencePrefix = "n|";
    public const string GroupPrefix = "grp|";

    public static string Partition(string bookId) => KeyEncoder.Encode(bookId);

    /// <summary>The head of a book whose head is keyed by book (see <see cref="BookHeads"/>).</summary>
    public static string KeyedHead(string partition) => KeyedHeadPrefix + partition;

    public static string Balance(string currencyCode) => BalancePrefix + currencyCode;

    public static string Reference(string reference) => ReferencePrefix + KeyEncoder.Encode(reference);

    /// <summary>The marker row of a reference group (see <see cref="Core.Ledger.ReferenceGroup"/>).</summary>
    public static string Group(string group) => GroupPrefix + KeyEncoder.Encode(group);

    /// <summary>Sorts by time, then sequence; fixed width so string order is numeric order.</summary>
    public static string Entry(DateTimeOffset createdAt, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{EntryPrefix}{createdAt.UtcTicks:D19}|{sequence:D12}");

    /// <summary>The row of the sequence index holding block <paramref name="block"/> of the book in <paramref name="partition"/> (see <see cref="SequenceIndex"/>).</summary>
    public static string SequenceBlock(string partition, long block) =>
        string.Create(CultureInfo.InvariantCulture, $"{SequencePrefix}{block:D10}|{partition}");

    /// <summary>The millisecond a UUIDv7 id was made in (its first 48 bits), or null for any other id.</summary>
    public static DateTimeOffset? MillisecondOf(string entryId)
    {
        if (!Guid.TryParse(entryId, out var id) || id.Version != 7)
        {
            return null;
        }

        var milliseconds = long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>First possible entry key at or after <paramref name="time"/> (every entry key at that tick is greater).</summary>
    public static string EntryBound(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{EntryPrefix}{time.UtcTicks:D19}|");
}
