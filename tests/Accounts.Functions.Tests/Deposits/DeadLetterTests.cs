using Accounts.Core.Accounts;
using Accounts.Functions.Tests.Infrastructure;
using Accounts.Functions.Tests.Zoqq;
using Accounts.Storage.Accounts;
using Accounts.Storage.Queues;
using Accounts.Storage.Tables;
using Accounts.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// An event whose processing keeps failing is dead-lettered after MaxDeliveryCount, listed, and its message kept in the
/// poison queue.
/// </summary>
public sealed class DeadLetterTests : IAsyncLifetime
{
    private const string PoisonNumber = "13579";
    private readonly AzuriteFixture _azurite = new();
    private TestingAppFactory? _factory;

    private TestingAppFactory Factory => _factory!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _factory = new TestingAppFactory(_azurite.ConnectionString, AzuriteFixture.NewTablePrefix(), builder => builder
            .UseSetting("Deposits:MaxDeliveryCount", "2")
            .ConfigureTestServices(services => services.AddSingleton<IAccountStore>(sp =>
                FailingLookups(new TableAccountStore(sp.GetRequiredService<StorageTables>(), TimeProvider.System, RecentReads.Default), PoisonNumber))));
        await Factory.Services.GetRequiredService<Api.StartupGate>().WaitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_poison_event_is_dead_lettered_listed_and_its_message_kept()
    {
        var tenant = await TestTenants.RegisterAsync(Factory.Services);
        var client = Factory.CreateClient();

        var (status, _) = await DepositWebhook.SendAsync(client, tenant, DepositWebhook.Event("settled", "poison-1", PoisonNumber, "9.99"));
        var record = Assert.Single(await DepositWebhook.WaitProcessedAsync(client, tenant, "poison-1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/webhooks/dead-letters/deposits");
        request.Headers.Add("x-api-key", tenant.ApiKey);
        var (listStatus, list) = await DepositWebhook.ReadAsync(await client.SendAsync(request));

        Assert.Equal(202, status);
        Assert.Equal("DEAD_LETTERED", record.GetProperty("status").GetString());
        Assert.Equal(2, record.GetProperty("attempts").GetInt32());
        Assert.Contains("poisoned", record.GetProperty("reason").GetString());
        Assert.Equal(200, listStatus);
        Assert.Equal("poison-1", Assert.Single(list.GetProperty("events").EnumerateArray()).GetProperty("reference").GetString());
        var queue = Factory.Services.GetRequiredService<DepositQueue>();
        var poisoned = await Eventually.ValueAsync(() => queue.PeekPoisonAsync(CancellationToken.None), p => p.Count > 0,
            "the message was moved to the poison queue");
        Assert.Contains("\"reference\":\"poison-1\"", Assert.Single(poisoned));
        Assert.Equal(0, await queue.CountAsync(CancellationToken.None));
    }

    /// <summary>Fails every lookup of one account number, as a storage fault that never heals would.</summary>
    private static IAccountStore FailingLookups(IAccountStore inner, string poisonNumber) =>
        new AccountLookupFault(inner, (_, accountNumber, _, real) => accountNumber == poisonNumber
            ? throw new InvalidOperationException($"account store poisoned for {poisonNumber}")
            : real());
}
