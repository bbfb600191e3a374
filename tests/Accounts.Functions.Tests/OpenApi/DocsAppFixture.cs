using System.Text.Json.Nodes;
using Accounts.Functions.OpenApi;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Accounts.Functions.Tests.OpenApi;

/// <summary>The app with the API reference switched on by configuration (the Testing environment has it off).</summary>
public sealed class DocsAppFixture() : AppFixture(underFunctionsHost: false, configure: b => b.UseSetting(ApiReference.EnabledKey, "true"))
{
    public async Task<JsonObject> DocumentAsync(string name)
    {
        using var client = CreateClient();
        var text = await client.GetStringAsync($"/openapi/{name}.json");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The inline schema of <paramref name="status"/> of the operation at <paramref name="route"/>.</summary>
    public async Task<JsonObject> ResponseSchemaAsync(string document, string method, string route, int status)
    {
        var doc = await DocumentAsync(document);
        var operation = doc["paths"]?[route]?[method.ToLowerInvariant()]
            ?? throw new Xunit.Sdk.XunitException($"{method} {route} is not in the {document} document");
        var content = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?.AsObject()
            ?? throw new Xunit.Sdk.XunitException($"{method} {route} documents no body for {status}");
        return content.Single().Value!["schema"]!.AsObject();
    }
}
