namespace Accounts.Core.Routing;

/// <summary>The transfer methods of the Zoqq contract: a domestic clearing system, or an international SWIFT wire.</summary>
public static class TransferMethods
{
    public const string Local = "LOCAL";

    public const string Swift = "SWIFT";
}
