using Accounts.Functions.Deposits;
using Azure.Core;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>How an accepted event becomes a Service Bus message, and how the app reaches the namespace.</summary>
public sealed class ServiceBusDepositSenderTests
{
    private static readonly DepositMessage Deposit = new("tenant-1", "evt_0123456789abcdef0123456789abcdef", "deposit.reversed", "ref-9",
        "6200000042", "10.50", "SGD", new DepositSenderBody("Ada", "111", "Bank"), "rent", "2025-04-09T10:12:37.0000000+00:00",
        "2025-04-09T10:12:38.1230000+00:00");

    [Fact]
    public async Task The_message_is_keyed_by_event_id_in_the_accounts_session_with_tenant_and_event_type()
    {
        var recorder = new RecordingServiceBusSender();
        var json = Deposit.ToJson();

        await new ServiceBusDepositSender(recorder).SendAsync(Deposit.EventId, json, CancellationToken.None);

        var sent = Assert.Single(recorder.Sent);
        Assert.Equal(Deposit.EventId, sent.MessageId);
        Assert.Equal("6200000042", sent.SessionId);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("deposit.reversed", sent.Subject);
        Assert.Equal(new Dictionary<string, object> { ["tenant_id"] = "tenant-1", ["event_type"] = "deposit.reversed" },
            sent.ApplicationProperties.ToDictionary(p => p.Key, p => p.Value));
        Assert.Equal(json, sent.Body.ToString()); // the stored message, byte for byte
    }

    [Fact]
    public async Task A_failed_send_reaches_the_caller()
    {
        var recorder = new RecordingServiceBusSender { FailWith = new ServiceBusException("down", ServiceBusFailureReason.ServiceTimeout) };

        await Assert.ThrowsAsync<ServiceBusException>(() =>
            new ServiceBusDepositSender(recorder).SendAsync(Deposit.EventId, Deposit.ToJson(), CancellationToken.None));
    }

    [Fact]
    public async Task A_message_that_is_not_a_deposit_is_refused_before_sending()
    {
        var recorder = new RecordingServiceBusSender();

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() =>
            new ServiceBusDepositSender(recorder).SendAsync("evt", "not json", CancellationToken.None));
        Assert.Empty(recorder.Sent);
    }

    [Fact]
    public async Task A_connection_string_setting_connects_with_its_keys()
    {
        var setting = ServiceBusConnectionSetting.Resolve(Config(("ServiceBusConnection",
            "Endpoint=sb://accounts-cs.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5")), "ServiceBusConnection");
        await using var client = setting.CreateClient();

        Assert.Null(setting.FullyQualifiedNamespace);
        Assert.Equal("accounts-cs.servicebus.windows.net", client.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task A_fully_qualified_namespace_setting_connects_with_the_managed_identity()
    {
        // The host passes app settings as environment variables; ServiceBusConnection__fullyQualifiedNamespace is a section.
        var setting = ServiceBusConnectionSetting.Resolve(Config(("ServiceBusConnection:fullyQualifiedNamespace", "accounts-mi.servicebus.windows.net")),
            "ServiceBusConnection");
        var credential = new RecordingCredential();
        await using var client = setting.CreateClient(credential);

        Assert.Equal((null, "accounts-mi.servicebus.windows.net"), (setting.ConnectionString, setting.FullyQualifiedNamespace));
        Assert.Equal("accounts-mi.servicebus.windows.net", client.FullyQualifiedNamespace);
    }

    [Fact]
    public void No_setting_stops_the_start_naming_both_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusConnectionSetting.Resolve(Config(), "ServiceBusConnection"));

        Assert.Contains("ServiceBusConnection", error.Message);
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", error.Message);
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private sealed class RecordingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
