using System.Text.Json.Nodes;
using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Nuban;

/// <summary>The function.json files generated for the Nuban dialect: one per route, and the every-minute timer.</summary>
[Collection(NubanCollection.Name)]
public sealed class NubanFunctionTests(NubanAppFixture app)
{
    private IReadOnlyList<FunctionDefinition> Functions => FunctionMetadataBuilder.Build(
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList());

    [Fact]
    public void The_expiry_timer_runs_every_minute_through_the_json_protocol()
    {
        var timer = Assert.Single(Functions, f => f.Name == "ExpireDynamicAccounts");

        Assert.Equal("""
            {
              "bindings": [
                {
                  "type": "timerTrigger",
                  "direction": "in",
                  "name": "timer",
                  "schedule": "0 * * * * *"
                }
              ]
            }

            """.ReplaceLineEndings("\n"), FunctionMetadataWriter.ToJson(timer));
    }

    [Theory]
    [InlineData("NubanCreateCustomer", "v1/accounts", "post")]
    [InlineData("NubanListAccounts", "v1/accounts", "get")]
    [InlineData("NubanCreateStatic", "v1/accounts/static", "post")]
    [InlineData("NubanCreateDynamic", "v1/accounts/dynamic", "post")]
    [InlineData("NubanGetStatic", "v1/accounts/static/{account_number}", "get")]
    [InlineData("NubanGetDynamic", "v1/accounts/dynamic/{account_number}", "get")]
    [InlineData("NubanCloseStatic", "v1/accounts/static/close", "delete,post")]
    [InlineData("NubanCloseAccount", "v1/accounts/{account_number}", "delete")]
    public void Every_route_is_an_http_function(string name, string route, string methods)
    {
        var bindings = JsonNode.Parse(FunctionMetadataWriter.ToJson(Assert.Single(Functions, f => f.Name == name)))!["bindings"]!.AsArray();

        Assert.Equal(["httpTrigger", "http"], bindings.Select(b => (string)b!["type"]!));
        Assert.Equal(route, (string)bindings[0]!["route"]!);
        Assert.Equal(methods.Split(','), bindings[0]!["methods"]!.AsArray().Select(m => (string)m!));
    }
}
