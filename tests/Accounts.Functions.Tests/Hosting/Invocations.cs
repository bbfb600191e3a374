using System.Text;
using Accounts.Functions.Hosting.Functions;
using Accounts.Functions.Tests.Zoqq;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>JSON invocations as the Functions host posts them, for the route tests of both modes.</summary>
internal static class Invocations
{
    /// <summary>Every function the app receives as a JSON invocation, from its own endpoint table.</summary>
    public static IReadOnlyList<InvocationFunctionMetadata> InvocationFunctions(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<InvocationFunctionMetadata>())
            .OfType<InvocationFunctionMetadata>()
            .ToList();

    /// <summary>A well-formed invocation of <paramref name="function"/> as the host builds it, carrying nothing to do.</summary>
    public static string Minimal(InvocationFunctionMetadata function)
    {
        var trigger = function.Bindings.Single(b => b.IsTrigger);
        return trigger.Type switch
        {
            "timerTrigger" => HostPayloads.Timer(function.FunctionName, trigger.Name),
            "serviceBusTrigger" when trigger.IsBatch => HostPayloads.ServiceBusBatch(function.FunctionName, [], trigger.Name),
            var type => throw new NotSupportedException($"{function.FunctionName}: no minimal invocation for a {type}"),
        };
    }

    /// <summary>The forged ApplyDeposit: a settled deposit of 1,000,000 into a real account of the tenant.</summary>
    public static string ForgedDeposit(ZoqqSession session, string accountNumber, string reference) =>
        HostPayloads.ServiceBusBatch("ApplyDeposit", [new HostMessage(
            $$"""
            {"tenant_id":"{{session.Tenant.Id}}","event_id":"{{reference}}","event":"deposit.settled",
             "reference":"{{reference}}","account_number":"{{accountNumber}}","amount":"1000000.00","currency":"SGD",
             "sender":null,"narration":null,"occurred_at":"2025-04-09T10:12:37Z","received_at":"2025-04-09T10:12:37Z"}
            """, reference, accountNumber)]);

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<decimal> AvailableBalanceAsync(ZoqqSession session)
    {
        var (status, balance) = await session.SendAsync(HttpMethod.Get, "/zoqq/api/v1/account/balance");
        Assert.Equal(200, status);
        return balance.GetProperty("data")[0].GetProperty("available_balance").GetDecimal();
    }
}
