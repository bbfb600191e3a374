using Accounts.Functions.Hosting;
using Accounts.Functions.Hosting.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Accounts.Functions.Tests.Hosting;

public sealed class FunctionMetadataBuilderTests
{
    private static string Json(IReadOnlyList<FunctionDefinition> functions, string name) =>
        FunctionMetadataWriter.ToJson(Assert.Single(functions, f => f.Name == name));

    [Fact]
    public void A_function_endpoint_becomes_an_http_function_with_its_route_and_methods()
    {
        var functions = FunctionMetadataBuilder.Build(TestEndpoints.Map(app =>
            app.MapGroup("/zoqq/api/v1").MapPost("/account", TestEndpoints.Ok).AsFunction("ZoqqCreateAccount")));

        var expected = FunctionMetadataWriter.ToJson(new FunctionDefinition("ZoqqCreateAccount",
            [FunctionBinding.HttpTrigger("zoqq/api/v1/account", ["post"]), FunctionBinding.HttpOutput()]));
        Assert.Equal(expected, Json(functions, "ZoqqCreateAccount"));
    }

    [Fact]
    public void AsFunction_also_names_the_endpoint()
    {
        var endpoint = Assert.Single(TestEndpoints.Map(app => app.MapGet("/a", TestEndpoints.Ok).AsFunction("GetA")));

        Assert.Equal("GetA", endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName);
    }

    [Theory]
    [InlineData("/accounts/{id:guid}", "accounts/{id}")]
    [InlineData("/accounts/{id:regex(^[a-z]{{3}}$)}/entries", "accounts/{id}/entries")]
    [InlineData("/accounts/{page=1}", "accounts/{page?}")]
    [InlineData("/accounts/{id?}", "accounts/{id?}")]
    [InlineData("/files/{**path}", "files/{*path}")]
    [InlineData("/files/{name}.{ext?}", "files/{name}.{ext?}")]
    public void Route_constraints_are_dropped_because_the_handler_routes_the_forwarded_request_again(string pattern, string route)
    {
        var functions = FunctionMetadataBuilder.Build(TestEndpoints.Map(app => app.MapGet(pattern, TestEndpoints.Ok).AsFunction("F")));

        var expected = FunctionMetadataWriter.ToJson(new FunctionDefinition("F",
            [FunctionBinding.HttpTrigger(route, ["get"]), FunctionBinding.HttpOutput()]));
        Assert.Equal(expected, Json(functions, "F"));
    }

    [Fact]
    public void Handler_only_endpoints_are_not_functions()
    {
        var functions = FunctionMetadataBuilder.Build(TestEndpoints.Map(app => app.MapGet("/", TestEndpoints.Ok).HandlerOnly()));

        Assert.Empty(functions);
    }

    [Fact]
    public void A_timer_function_is_invoked_by_a_post_to_its_name()
    {
        var endpoints = TestEndpoints.Map(app =>
            app.MapFunction("ExpireDynamicAccounts", FunctionBinding.TimerTrigger("timer", "0 */1 * * * *"), TestEndpoints.Ok));

        var endpoint = Assert.IsType<RouteEndpoint>(Assert.Single(endpoints));
        Assert.Equal("/ExpireDynamicAccounts", endpoint.RoutePattern.RawText);
        var expected = FunctionMetadataWriter.ToJson(new FunctionDefinition("ExpireDynamicAccounts",
            [FunctionBinding.TimerTrigger("timer", "0 */1 * * * *")]));
        Assert.Equal(expected, Json(FunctionMetadataBuilder.Build(endpoints), "ExpireDynamicAccounts"));
    }

    [Fact]
    public void A_service_bus_function_is_invoked_by_a_post_to_its_name()
    {
        var trigger = FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true);

        var functions = FunctionMetadataBuilder.Build(TestEndpoints.Map(app => app.MapFunction("ApplyDeposit", trigger, TestEndpoints.Ok)));

        Assert.Equal(FunctionMetadataWriter.ToJson(new FunctionDefinition("ApplyDeposit", [trigger])), Json(functions, "ApplyDeposit"));
    }

    [Fact]
    public void An_http_trigger_with_a_service_bus_output_keeps_every_binding_in_order()
    {
        FunctionBinding[] bindings =
        [
            FunctionBinding.HttpTrigger("hooks/deposit", ["post"]),
            FunctionBinding.HttpOutput(),
            FunctionBinding.ServiceBusOutput("deposit", "deposits", "ServiceBusConnection"),
        ];

        var functions = FunctionMetadataBuilder.Build(TestEndpoints.Map(app =>
            app.MapFunction("ReceiveDeposit", bindings[0], TestEndpoints.Ok, bindings[1], bindings[2])));

        Assert.Equal(FunctionMetadataWriter.ToJson(new FunctionDefinition("ReceiveDeposit", bindings)), Json(functions, "ReceiveDeposit"));
    }

    [Fact]
    public void MapFunction_rejects_an_output_as_trigger_and_a_second_trigger()
    {
        var output = FunctionBinding.HttpOutput();
        var timer = FunctionBinding.TimerTrigger("timer", "0 * * * * *");

        TestEndpoints.Map(app =>
        {
            Assert.Throws<ArgumentException>(() => app.MapFunction("A", output, TestEndpoints.Ok));
            Assert.Throws<ArgumentException>(() => app.MapFunction("B", timer, TestEndpoints.Ok, timer));
        });
    }

    [Theory]
    [InlineData("1Leading")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("")]
    public void Invalid_function_names_are_rejected_when_declared(string name)
    {
        TestEndpoints.Map(app => Assert.Throws<ArgumentException>(() => app.MapGet("/x", TestEndpoints.Ok).AsFunction(name)));
    }

    [Fact]
    public void Every_problem_in_the_table_is_reported_at_once()
    {
        var endpoints = TestEndpoints.Map(app =>
        {
            app.MapGet("/undeclared", TestEndpoints.Ok);
            app.MapGet("/one", TestEndpoints.Ok).AsFunction("Same");
            app.MapGet("/two", TestEndpoints.Ok).AsFunction("same");
            app.Map("/anymethod", TestEndpoints.Ok).AsFunction("AnyMethod");
            app.MapGet("/", TestEndpoints.Ok).AsFunction("Root");
            app.MapGet("/admin/things", TestEndpoints.Ok).AsFunction("Admin");
            app.MapGet("/both", TestEndpoints.Ok).AsFunction("Both").HandlerOnly();
            app.MapGroup("/jobs").MapFunction("Grouped", FunctionBinding.TimerTrigger("timer", "0 * * * * *"), TestEndpoints.Ok);
        });

        var problems = Assert.Throws<FunctionMetadataException>(() => FunctionMetadataBuilder.Build(endpoints)).Problems;

        Assert.Contains(problems, p => p.Contains("/undeclared") && p.Contains("neither"));
        Assert.Contains(problems, p => p.Contains("'Same'") && p.Contains("unique"));
        Assert.Contains(problems, p => p.Contains("/anymethod") && p.Contains("any HTTP method"));
        Assert.Contains(problems, p => p.Contains("GET /") && p.Contains("root path"));
        Assert.Contains(problems, p => p.Contains("/admin/things") && p.Contains("reserves"));
        Assert.Contains(problems, p => p.Contains("/both") && p.Contains("more than one way"));
        Assert.Contains(problems, p => p.Contains("'Grouped'") && p.Contains("POST /Grouped"));
    }

    [Fact]
    public void Endpoints_that_differ_only_by_a_constraint_collide_as_host_routes()
    {
        var endpoints = TestEndpoints.Map(app =>
        {
            app.MapGet("/accounts/{id:guid}", TestEndpoints.Ok).AsFunction("ById");
            app.MapGet("/accounts/{number}", TestEndpoints.Ok).AsFunction("ByNumber");
            app.MapPost("/accounts/{number}", TestEndpoints.Ok).AsFunction("Update");
        });

        var problem = Assert.Single(Assert.Throws<FunctionMetadataException>(() => FunctionMetadataBuilder.Build(endpoints)).Problems);

        Assert.Contains("'ById' and 'ByNumber'", problem);
    }

    [Theory]
    [InlineData("/ApplyDeposit")]
    [InlineData("/applydeposit")]
    [InlineData("/{dialect}")]
    [InlineData("/{dialect}/{rest?}")]
    [InlineData("/{**path}")]
    public void A_public_route_must_not_reach_an_invocation_endpoint(string pattern)
    {
        var trigger = FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true);
        var endpoints = TestEndpoints.Map(app =>
        {
            app.MapFunction("ApplyDeposit", trigger, TestEndpoints.Ok);
            app.MapPost(pattern, TestEndpoints.Ok).AsFunction("Public");
        });

        var problem = Assert.Single(Assert.Throws<FunctionMetadataException>(() => FunctionMetadataBuilder.Build(endpoints)).Problems);

        Assert.Contains("POST /ApplyDeposit", problem);
    }

    [Fact]
    public void Public_routes_that_cannot_match_an_invocation_path_are_fine()
    {
        var trigger = FunctionBinding.ServiceBusTrigger("message", "deposits", "ServiceBusConnection", isSessionsEnabled: true);
        var endpoints = TestEndpoints.Map(app =>
        {
            app.MapFunction("ApplyDeposit", trigger, TestEndpoints.Ok);
            app.MapPost("/nuban/{id}", TestEndpoints.Ok).AsFunction("Nested");
            app.MapGet("/{id}", TestEndpoints.Ok).AsFunction("GetOnly");
        });

        Assert.Equal(["ApplyDeposit", "GetOnly", "Nested"], FunctionMetadataBuilder.Build(endpoints).Select(f => f.Name));
    }
}
