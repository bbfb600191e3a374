namespace Accounts.Core.NubanAccounts;

/// <summary>Which institution issues NUBAN accounts; its CBN code feeds the check digit. Default FCMB MFB.</summary>
public sealed record NubanSettings(string InstitutionCode = NubanSettings.DefaultInstitutionCode)
{
    public const string DefaultInstitutionCode = "090409";
}
