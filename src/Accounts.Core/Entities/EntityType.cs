namespace Accounts.Core.Entities;

public enum EntityType
{
    Personal,
    Business,
}
