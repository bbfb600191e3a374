namespace Accounts.Core.NubanAccounts;

/// <summary>An account's NGN balance in minor units: booked (posted) and available (posted − reserved).</summary>
public sealed record NubanBalance(long BookedMinor, long AvailableMinor);
