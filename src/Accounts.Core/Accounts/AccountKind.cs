namespace Accounts.Core.Accounts;

/// <summary>Which product an account is; decides which dialect shows it and where its money is booked.</summary>
public enum AccountKind
{
    /// <summary>A multi-currency receiving account (Zoqq); credits go to its holder's wallet book.</summary>
    Global,
    NubanStatic,
    NubanDynamic,
    Internal,
    Entity,
}
