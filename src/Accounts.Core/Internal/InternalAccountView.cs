using Accounts.Core.Accounts;

namespace Accounts.Core.Internal;

/// <summary>
/// An account with its money in minor units of its currency: its own balance and available funds, and the sums over
/// all its sub-accounts (at every depth). The sums are <see cref="Int128"/>: each balance is bounded by the ledger's
/// limit, but a sum over many sub-accounts may still pass what a long holds.
/// </summary>
public sealed record InternalAccountView(Account Account, long Balance, long Available, Int128 SubBalance, Int128 SubAvailable);
