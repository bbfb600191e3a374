namespace Accounts.Core.Routing;

/// <summary>
/// A way money can be received: in <see cref="Currency"/> by <see cref="TransferMethod"/> (<see cref="TransferMethods"/>)
/// through <see cref="LocalClearingSystem"/> (null for SWIFT), quoting <see cref="RoutingCodes"/>. Every feature here is
/// inbound; the Zoqq wire shows it with "type": "DEPOSIT".
/// </summary>
public sealed record TransferFeature(
    string Currency,
    string TransferMethod,
    string? LocalClearingSystem,
    IReadOnlyList<RoutingCode> RoutingCodes);
