using System.Diagnostics.CodeAnalysis;

namespace Accounts.Core.Deposits;

/// <summary>Wire names of deposit events: "deposit.pending", "deposit.settled", "deposit.rejected", "deposit.reversed".</summary>
public static class DepositEventTypes
{
    public static string WireName(DepositEventType type) => "deposit." + type.ToString().ToLowerInvariant();

    public static bool TryParse(string? wire, [NotNullWhen(true)] out DepositEventType? type)
    {
        type = Enum.GetValues<DepositEventType>().Select(t => (DepositEventType?)t).FirstOrDefault(t => WireName(t!.Value) == wire);
        return type is not null;
    }

    public static string Allowed => string.Join(", ", Enum.GetValues<DepositEventType>().Select(WireName));
}
