using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Ledger;

/// <summary>
/// The tamper evidence of a book: each entry's <see cref="LedgerEntry.Hash"/> is SHA-256 over a canonical text of all
/// its other fields, <see cref="LedgerEntry.PreviousHash"/> included, so editing, removing or reordering a stored
/// entry breaks the chain from that point on. An edit of the newest entry with a recomputed hash is only caught by
/// comparing the last hash with the book head's <see cref="BookHead.LastHash"/>.
/// </summary>
public static class HashChain
{
    // Names the canonical form, so a future v2 can never produce a hash equal to a v1 one by accident.
    private const string Scheme = "accounts/ledger-entry/v1";

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public static string Compute(LedgerEntry entry)
    {
        var text = CanonicalText(entry);

        // UTF-16LE code units, not UTF-8: every .NET string (even one with a lone surrogate) maps to distinct bytes, so
        // two different descriptions can never hash alike. Verify elsewhere with encode("utf-16-le", "surrogatepass").
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), text[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// Every field except <see cref="LedgerEntry.Hash"/>, in a fixed order, each written as "&lt;length&gt;:&lt;value&gt;"
    /// (length in UTF-16 code units) or "~" for null. Length prefixes make field boundaries unforgeable: moving text
    /// from one field into the next changes the lengths. Enums are written by name, the time as UTC ticks.
    /// </summary>
    public static string CanonicalText(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256);
        foreach (var field in Fields(entry))
        {
            if (field is null)
            {
                text.Append('~');
            }
            else
            {
                text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The index of the first entry whose <see cref="LedgerEntry.PreviousHash"/> is not the hash before it (or
    /// <paramref name="startHash"/> for the first) or whose <see cref="LedgerEntry.Hash"/> does not recompute; null
    /// when the chain is intact. To verify a page from the middle of a book, pass the hash of the entry before it.
    /// </summary>
    public static int? FirstBrokenIndex(IReadOnlyList<LedgerEntry> oldestFirst, string startHash = BookHead.GenesisHash)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var expectedPrevious = startHash;
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            var entry = oldestFirst[i];
            if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal) ||
                !string.Equals(entry.Hash, Compute(entry), StringComparison.Ordinal))
            {
                return i;
            }

            expectedPrevious = entry.Hash;
        }

        return null;
    }

    private static IEnumerable<string?> Fields(LedgerEntry e)
    {
        yield return Scheme;
        yield return e.PreviousHash;
        yield return Number(e.Sequence);
        yield return e.BookId;
        yield return e.Id;
        yield return e.AccountId;
        yield return e.Reference;
        yield return e.Type.ToString();
        yield return e.Direction.ToString();
        yield return e.Status.ToString();
        yield return Number(e.Amount.Minor);
        yield return e.Amount.Currency.Code;
        yield return Number(e.FeeMinor);
        yield return Number(e.Delta.Posted);
        yield return Number(e.Delta.Pending);
        yield return Number(e.Delta.Reserved);
        yield return Number(e.PostedAfter);
        yield return Number(e.AvailableAfter);
        yield return e.Description;
        yield return e.ParentEntryId;
        yield return e.Counterparty;
        yield return Number(e.CreatedAt.UtcTicks);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
