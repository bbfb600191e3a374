namespace Accounts.Core.Nuban;

/// <summary>Which institution issues NUBAN accounts; its CBN code feeds the check digit. Default FCMB MFB.</summary>
public sealed record NubanSettings(string InstitutionCode = NubanSettings.DefaultInstitutionCode)
{
    public const string DefaultInstitutionCode = "090409";
}
