using System.Globalization;
using System.Text;
using Accounts.Core.Errors;

namespace Accounts.Core.Internal;

/// <summary>
/// An opaque position in a list: the page starts at <see cref="Position"/> (0 is the start). Positions name a place in
/// the list's append order, which never changes, so a page is never repeated or skipped when accounts are added or
/// deleted. Cursors from before positions (v1) are refused, naming the parameter.
/// </summary>
public sealed record ListCursor(long Position)
{
    private const string Version = "v2";

    public static ListCursor Start { get; } = new(0);

    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Version}|{Position.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static ListCursor Decode(string text, string field)
    {
        var parts = TryDecode(text)?.Split('|', 2);
        return parts is [Version, var position] && long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            ? new ListCursor(p)
            : throw DomainException.Invalid(field, $"{field} must be a cursor returned in a previous response's pagination");
    }

    private static string? TryDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
