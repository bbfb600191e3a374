using System.Globalization;
using System.Text;
using Accounts.Core.Accounts;
using Accounts.Core.Errors;

namespace Accounts.Core.Internal;

/// <summary>
/// An opaque position in a list ordered by (creation time, id): "after this account", or the start. Positions name
/// an account rather than an index, so a page is never repeated or skipped when accounts are added or deleted.
/// </summary>
public sealed record ListCursor(long? AfterTicks, string? AfterId)
{
    private const string Version = "v1";

    public static ListCursor Start { get; } = new(null, null);

    public static ListCursor After(Account account) => new(account.CreatedAt.UtcTicks, account.Id);

    /// <summary>True when <paramref name="account"/> comes after this position.</summary>
    public bool Precedes(Account account) =>
        AfterTicks is not { } ticks
        || account.CreatedAt.UtcTicks > ticks
        || (account.CreatedAt.UtcTicks == ticks && string.CompareOrdinal(account.Id, AfterId) > 0);

    public string Encode()
    {
        var text = AfterTicks is { } ticks ? $"{Version}|{ticks.ToString(CultureInfo.InvariantCulture)}|{AfterId}" : $"{Version}|start";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ListCursor Decode(string text, string field)
    {
        var parts = TryDecode(text)?.Split('|', 3);
        return parts switch
        {
            [Version, "start"] => Start,
            [Version, var ticks, var id] when long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && id.Length > 0
                => new ListCursor(t, id),
            _ => throw DomainException.Invalid(field, $"{field} must be a cursor returned in a previous response's pagination"),
        };
    }

    private static string? TryDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
