namespace Accounts.Core.NubanAccounts;

/// <summary>Whether a deposit may be credited; when not, <see cref="Reason"/> says why and the payer is due a refund.</summary>
public sealed record DepositDecision(DepositRefusal Refusal, string? Reason)
{
    public static DepositDecision Accept { get; } = new(DepositRefusal.None, null);

    public bool Accepted => Refusal == DepositRefusal.None;

    public bool RefundDue => !Accepted;

    public static DepositDecision Refuse(DepositRefusal refusal, string reason) => new(refusal, reason);
}
