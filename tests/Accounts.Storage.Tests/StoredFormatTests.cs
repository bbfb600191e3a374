using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Storage.Accounts;
using Accounts.Storage.Deposits;
using Accounts.TestSupport;
using Azure.Data.Tables;

namespace Accounts.Storage.Tests;

/// <summary>
/// Rows keep the format the earlier client (Microsoft.Azure.Cosmos.Table) wrote, so existing data reads the same and
/// sorts the same: times as Edm.Int64 UTC ticks (not the Edm.DateTime the new client writes for a DateTimeOffset,
/// which keeps no offset and starts in 1601, so DateTimeOffset.MinValue would not fit), amounts as Edm.Int64, small
/// counters as Edm.Int32, and JSON with property names as declared and non-ASCII text unescaped.
/// </summary>
public sealed class StoredFormatTests(AzuriteFixture azurite) : TablesTest(azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 10, 0, 0, 123, TimeSpan.FromHours(2));

    [Fact]
    public async Task Times_and_amounts_are_stored_as_int64_and_json_as_before()
    {
        var account = await new TableAccountStore(Tables, TimeProvider.System, RecentReads.Default).InsertAsync(Account() with
        {
            ExpectedAmountMinor = 5_000_000_000,
            ExpiresAt = DateTimeOffset.MinValue,
            Attributes = new Dictionary<string, string> { ["holderName"] = "Zoë Ọlá & <Co>" },
        }, Ct);

        var row = (await Tables.Accounts.Client.GetEntityAsync<TableEntity>(KeyEncoder.Encode(account.TenantId), KeyEncoder.Encode(account.Id))).Value;

        Assert.Equal(Created.UtcTicks, Assert.IsType<long>(row["CreatedAt"]));
        Assert.Equal(0L, Assert.IsType<long>(row["ExpiresAt"]));
        Assert.Equal(5_000_000_000L, Assert.IsType<long>(row["ExpectedAmountMinor"]));
        Assert.Equal("""{"holderName":"Zoë Ọlá & <Co>"}""", Assert.IsType<string>(row["Attributes"]));
    }

    [Fact]
    public async Task A_row_in_the_earlier_clients_format_reads_back_exactly()
    {
        // As Cosmos.Table wrote it: ticks and amounts typed Edm.Int64, an int counter untyped (Edm.Int32).
        var received = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(7);
        var row = new TableEntity(DepositRows.Partition("t1"), DepositRows.Row("ref-1", DepositEventType.Settled))
        {
            ["TenantId"] = "t1",
            ["EventId"] = "ev-1",
            ["Type"] = nameof(DepositEventType.Settled),
            ["Reference"] = "ref-1",
            ["AccountNumber"] = "0123456789",
            ["Amount"] = "12.50",
            ["Currency"] = "NGN",
            ["Message"] = "{}",
            ["MessageHash"] = "h",
            ["ReceivedAt"] = received.UtcTicks,
            ["Status"] = nameof(DepositStatus.Applied),
            ["Attempts"] = 3,
        };
        await Tables.Deposits.Client.AddEntityAsync(row);

        var record = await new TableDepositRecordStore(Tables).GetAsync("t1", "ref-1", DepositEventType.Settled, Ct);

        Assert.NotNull(record);
        Assert.Equal(received, record.ReceivedAt);
        Assert.Equal(3, record.Attempts);
        Assert.Equal(DepositStatus.Applied, record.Status);
        Assert.Null(record.ProcessedAt);
    }

    private static Account Account() => new()
    {
        Id = Guid.CreateVersion7().ToString(),
        TenantId = "tenant-a",
        Kind = AccountKind.Global,
        HolderId = "holder",
        AccountNumber = "0123456789",
        InstitutionCode = "058",
        Currency = "NGN",
        Country = "NG",
        Type = "static",
        Status = AccountStatus.Active,
        BookId = "book-1",
        CreatedAt = Created,
        UpdatedAt = Created,
    };
}
