namespace Accounts.Core.Kyc;

/// <summary>Verification state. Pending until the partner decides; a decision is final.</summary>
public enum EntityStatus
{
    Pending,
    Approved,
    Rejected,
}
