namespace Accounts.Core.Routing;

/// <summary>A capability a client requires of a new account (Zoqq's required_features[]), as sent; validated by the catalog.</summary>
public sealed record RequiredFeature(string Currency, string TransferMethod);
