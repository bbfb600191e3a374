namespace Accounts.Core.Kyc;

public enum EntityType
{
    Personal,
    Business,
}
