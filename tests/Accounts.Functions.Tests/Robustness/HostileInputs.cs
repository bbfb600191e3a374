using System.Text;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>The hostile values the fuzz draws from: JSON field values, whole bodies, path segments and query strings.</summary>
public static class HostileInputs
{
    private const int Deep = 1200;

    /// <summary>JSON text of values of every wrong type and odd shape, to put in one field.</summary>
    public static readonly IReadOnlyList<string> FieldValues =
    [
        "1", "-0", "1e309", "-1e309", "99999999999999999999999", "0.00000000000000000000000000000000001", "1.5", "-1",
        "true", "null", "[]", "{}", "[1,2]", "{\"a\":\"b\"}", "\"NaN\"", "\"Infinity\"", "\"-0\"", "\"1e309\"",
        "\"99999999999999999999999\"", "\"9999999999999999.99\"", "\"\\ud800\"", "\"\\udc00x\\ud800\"", "\"\\u0000\\u0007\\u001f\"",
        "\"\\\"'<script>\"", "\"ñ日本😀\"", "\"\"", "\"   \"", "\"2025-02-30T25:61:61Z\"", "\"0x10\"", "\"../../etc\"",
        "\"" + new string('a', 40_000) + "\"", Nested('[', ']', Deep), Nested('{', '}', Deep),
    ];

    /// <summary>Whole bodies: malformed, oversized, deeply nested, not UTF-8, or JSON of the wrong shape.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes, bool Chunked)> Bodies()
    {
        var big = "{\"x\":\"" + new string('a', 70_000) + "\"}";
        return
        [
            ("empty", [], false),
            ("whitespace", Utf8(" \r\n\t "), false),
            ("null", Utf8("null"), false),
            ("array", Utf8("[]"), false),
            ("number 1e309", Utf8("1e309"), false),
            ("string with escaped lone surrogate", Utf8("\"\\ud800\""), false),
            ("object key with escaped lone surrogate", Utf8("{\"\\ud800\":1}"), false),
            ("truncated", Utf8("{\"a\":"), false),
            ("duplicate keys", Utf8("{\"a\":1,\"a\":2}"), false),
            ("NaN literal", Utf8("{\"amount\":NaN}"), false),
            ("raw control characters", Utf8("{\"a\":\"\u0001\u0002\"}"), false),
            ("byte-order mark then object", [0xEF, 0xBB, 0xBF, .. Utf8("{}")], false),
            ("invalid UTF-8 bytes", [.. Utf8("{\"a\":\""), 0xFF, 0xFE, 0xC0, 0xAF, .. Utf8("\"}")], false),
            ("raw UTF-8 encoded surrogate", [.. Utf8("{\"a\":\""), 0xED, 0xA0, 0x80, .. Utf8("\"}")], false),
            ("deep arrays", Utf8(Nested('[', ']', Deep)), false),
            ("deep objects", Utf8(Nested('{', '}', Deep)), false),
            ("over 64 KiB", Utf8(big), false),
            ("over 64 KiB chunked without Content-Length", Utf8(big), true),
            ("1 MiB chunked without Content-Length", Utf8("[" + string.Join(',', Enumerable.Repeat("1", 500_000)) + "]"), true),
        ];
    }

    /// <summary>
    /// Already URL-escaped path segments: dots, slashes, invalid UTF-8, unicode, control characters, very long. An
    /// encoded NUL is not among them: Kestrel refuses such a path with 400 before any app code runs, and the in-memory
    /// test server refuses to send it at all.
    /// </summary>
    public static readonly IReadOnlyList<string> Segments =
    [
        "..", "%2e%2e", "%2F", "a%2Fb", "%5C", "%ED%A0%80", "%FF%FE", "%C0%AF", Uri.EscapeDataString("ñ日本😀"),
        new string('9', 4_000), "%20", "%0A%0D", "-1", "0", "1e309", "99999999999999999999999", "null", "%25",
    ];

    public static readonly IReadOnlyList<string> Queries =
    [
        "?page=-1&size=99999999999999999999&limit=1e309",
        "?page=0&size=0&limit=0",
        "?page=1&page=2&size=1&size=2",
        "?from_date=%00&to_date=2025-13-45",
        "?from_date=2025-01-01&to_date=1900-01-01",
        "?currency=%ED%A0%80&status=..&account_type=%FF&transaction_type=%2F",
        "?id=%00&id=" + new string('x', 4_000),
        "?%00=%00&=&&a",
        "?pageSize=-5&cursor=%ZZ&status=NaN&type=1e309&parentId=..",
        "?" + string.Join('&', Enumerable.Range(0, 500).Select(i => $"p{i}={i}")),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Nested(char open, char close, int depth) => open == '{'
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string(open, depth) + new string(close, depth);
}
