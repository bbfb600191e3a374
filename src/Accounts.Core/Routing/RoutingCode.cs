namespace Accounts.Core.Routing;

/// <summary>One routing identifier a payer needs, e.g. ("ach", "026073150"), ("sort_code", "040605"), ("swift", BIC).</summary>
public sealed record RoutingCode(string Type, string Value);
