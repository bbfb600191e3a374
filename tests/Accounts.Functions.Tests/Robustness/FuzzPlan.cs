using System.Net.Http.Headers;

namespace Accounts.Functions.Tests.Robustness;

/// <summary>
/// The bounded, deterministic set of hostile requests for each route: odd path segments in each parameter, odd query
/// strings, malformed bodies, a wrong value in each candidate field, and missing, duplicate or huge headers; each
/// with no credentials and with a tenant's valid ones. Field values are drawn from a seeded generator.
/// </summary>
public static class FuzzPlan
{
    private const int RandomValuesPerField = 2;

    /// <summary>Sent to every field: text that is not text, a number no type holds, and the wrong type.</summary>
    private static readonly string[] EveryField = ["\"\\ud800\"", "1e309", "{}"];
    private const int MixedBodies = 4;

    public static IEnumerable<FuzzCase> Cases(IReadOnlyList<FuzzRoute> routes, FuzzCredentials credentials, int seed)
    {
        var random = new Random(seed);
        foreach (var route in routes)
        {
            foreach (var who in new[] { null, credentials })
            {
                foreach (var c in ForRoute(route, who, random))
                {
                    yield return c;
                }
            }
        }
    }

    private static IEnumerable<FuzzCase> ForRoute(FuzzRoute route, FuzzCredentials? who, Random random)
    {
        string Plausible(string parameter) => parameter switch
        {
            "partner_id" => who?.Tenant.PartnerId ?? "dev-partner",
            "account_number" => "2000000001",
            "reference" => "ref-1",
            "operation" => "no_such_operation",
            _ => Guid.NewGuid().ToString(),
        };

        var path = route.Path(Plausible);
        FuzzCase Case(string pathAndQuery, string input, byte[]? body = null, bool chunked = false, string? contentType = "application/json",
            Action<HttpRequestMessage>? tweak = null) =>
            new(route.Display, route.Method, pathAndQuery, input, who, body, chunked, contentType, tweak);

        yield return Case(path, "plausible path, no body");
        foreach (var parameter in route.Pattern.Parameters)
        {
            foreach (var segment in HostileInputs.Segments)
            {
                yield return Case(route.Path(p => p == parameter.Name ? segment : Plausible(p)), $"{{{parameter.Name}}} = {segment}");
            }
        }

        foreach (var query in HostileInputs.Queries)
        {
            yield return Case(path + query, "query " + query);
        }

        foreach (var (name, bytes, chunked) in HostileInputs.Bodies())
        {
            yield return Case(path, "body: " + name, bytes, chunked);
        }

        foreach (var (name, tweak) in HeaderTweaks())
        {
            yield return Case(path, "headers: " + name, "{}"u8.ToArray(), tweak: tweak);
        }

        yield return Case(path, "Content-Type text/plain", "{}"u8.ToArray(), contentType: "text/plain");
        yield return Case(path, "Content-Type json; charset=utf-16", "{}"u8.ToArray(), contentType: "application/json; charset=utf-16");
        yield return Case(path, "Content-Type garbage", "{}"u8.ToArray(), contentType: ";;=\u00ff");
        if (who is null || route.Fields.Count == 0)
        {
            yield break;
        }

        var values = HostileInputs.FieldValues;
        foreach (var field in route.Fields)
        {
            foreach (var value in EveryField.Concat(Enumerable.Range(0, RandomValuesPerField).Select(_ => values[random.Next(values.Count)])))
            {
                yield return Case(path, $"field {field} = {Short(value)}", Json($"{{\"{field}\":{value}}}"));
            }
        }

        for (var i = 0; i < MixedBodies; i++)
        {
            var fields = route.Fields.Select(f => $"\"{f}\":{Mild(values[random.Next(values.Count)])}");
            yield return Case(path, $"every field, mixed values #{i}", Json("{" + string.Join(',', fields) + "}"));
        }
    }

    private static IEnumerable<(string Name, Action<HttpRequestMessage> Tweak)> HeaderTweaks()
    {
        var huge = new string('k', 20_000); // larger than any header we accept, within what Kestrel lets through
        yield return ("no x-api-key", r => r.Headers.Remove("x-api-key"));
        yield return ("duplicate x-api-key", r => r.Headers.TryAddWithoutValidation("x-api-key", "other-key"));
        yield return ("huge x-api-key", r => Replace(r, "x-api-key", huge));
        yield return ("huge x-product-id", r => Replace(r, "x-product-id", huge));
        yield return ("huge x-request-id", r => Replace(r, "x-request-id", huge));
        yield return ("huge x-user-id", r => Replace(r, "x-user-id", huge));
        yield return ("empty x-user-id", r => Replace(r, "x-user-id", string.Empty));
        yield return ("huge x-account-id", r => Replace(r, "x-account-id", huge));
        yield return ("huge bearer token", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", huge));
        yield return ("Authorization: Bearer", r => Replace(r, "Authorization", "Bearer"));
        yield return ("Authorization: Basic", r => Replace(r, "Authorization", "Basic Zm9vOmJhcg=="));
        yield return ("duplicate Authorization", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer other"));
        yield return ("no User-Agent", r => r.Headers.Remove("User-Agent"));
        yield return ("x-timestamp -1", r => Replace(r, "x-timestamp", "-1"));
        yield return ("x-timestamp 99999999999999999999", r => Replace(r, "x-timestamp", "99999999999999999999"));
        yield return ("huge x-signature", r => Replace(r, "x-signature", huge));
        yield return ("duplicate x-timestamp", r => r.Headers.TryAddWithoutValidation("x-timestamp", "1"));
    }

    private static void Replace(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>In a body with every field, huge values would only trip the size limit; keep them small there.</summary>
    private static string Mild(string value) => value.Length > 200 ? "\"x\"" : value;

    private static string Short(string value) => value.Length <= 40 ? value : $"{value[..30]}…({value.Length} chars)";

    private static byte[] Json(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
