using Accounts.Core.Accounts;

namespace Accounts.Core.Internal;

/// <summary>
/// An account with its money in minor units of its currency: its own balance and available funds, and the sums over
/// all its sub-accounts (at every depth).
/// </summary>
public sealed record InternalAccountView(Account Account, long Balance, long Available, long SubBalance, long SubAvailable);
