using Accounts.Core.Errors;
using Accounts.Core.Global;
using Accounts.Core.Ledger;
using Accounts.Core.Money;

namespace Accounts.Functions.Zoqq;

/// <summary>Balances, transactions and balance history (seed 001; date windows of 31 and 7 days from seed 000).</summary>
public static class ZoqqLedgerApi
{
    public const int TransactionDays = 31;
    public const int HistoryDays = 7;

    public static async Task<IResult> Balance(HttpContext http, WalletService wallet)
    {
        var caller = ZoqqCaller.Of(http);
        var balances = await wallet.BalancesAsync(caller.Tenant.Id, caller.UserId, http.RequestAborted);
        return ZoqqResults.Success(string.Empty, balances.Select(b => new ZoqqBalance(b.Currency.Code,
            Money.ToDecimal(b.Available, b.Currency), Money.ToDecimal(b.Pending, b.Currency),
            Money.ToDecimal(b.Reserved, b.Currency))).ToList());
    }

    public static async Task<IResult> Transactions(HttpContext http, WalletService wallet, string? page, string? size,
        string? from_date, string? to_date, string? currency, string? status)
    {
        var caller = ZoqqCaller.Of(http);
        var accountId = ZoqqHeaders.Required(http.Request, ZoqqHeaders.AccountId);
        var query = ZoqqPaging.Query(page, size, from_date, to_date, TransactionDays) with
        {
            Currency = CurrencyFilter(currency),
            Status = EnumFilter<EntryStatus>(status, "status"),
        };
        var entries = await wallet.TransactionsAsync(caller.Tenant.Id, caller.UserId, accountId, query, http.RequestAborted);
        return ZoqqResults.Success("virtual_accounts transactions details", entries.Select(t => new ZoqqTransaction(
            t.Entry.Amount.ToDecimal(), ZoqqJson.Time(t.Entry.CreatedAt), t.Entry.Description, t.Entry.Currency.Code, t.Entry.Id,
            t.Entry.Direction.ToString().ToUpperInvariant(), WireName(t.Status))).ToList());
    }

    public static async Task<IResult> History(HttpContext http, WalletService wallet, string? page, string? size,
        string? from_date, string? to_date, string? currency, string? transaction_type)
    {
        var caller = ZoqqCaller.Of(http);
        var query = ZoqqPaging.Query(page, size, from_date, to_date, HistoryDays) with
        {
            Currency = CurrencyFilter(currency),
            Type = EnumFilter<EntryType>(transaction_type, "transaction_type"),
        };
        var entries = await wallet.HistoryAsync(caller.Tenant.Id, caller.UserId, query, http.RequestAborted);
        return ZoqqResults.Success("balance history details", entries.Select(e => new ZoqqBalanceChange(
            e.Id, Money.ToDecimal(e.Delta.Posted, e.Currency), e.Currency.Code, Money.ToDecimal(e.PostedAfter, e.Currency),
            e.Description, Money.ToDecimal(e.FeeMinor, e.Currency), ZoqqJson.Time(e.CreatedAt), WireName(e.Type),
            WireName(e.Type))).ToList());
    }

    private static string? CurrencyFilter(string? currency) =>
        string.IsNullOrWhiteSpace(currency) ? null : Currency.Parse(currency, "currency").Code;

    /// <summary>Parses SCREAMING_SNAKE wire names ("HOLD_RELEASE") into the core's enums.</summary>
    private static T? EnumFilter<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Enum.GetValues<T>().Where(v => WireName(v) == text.Trim().ToUpperInvariant()).ToList();
        return match.Count == 1
            ? match[0]
            : throw DomainException.Invalid(field, $"{field} must be one of {string.Join(", ", Enum.GetValues<T>().Select(v => WireName(v)))}");
    }

    /// <summary>HoldRelease → HOLD_RELEASE.</summary>
    private static string WireName<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
