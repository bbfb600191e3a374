using Accounts.Core.Accounts;

namespace Accounts.Core.Kyc;

public sealed record AccountTransactions(Account Account, Entity Entity, IReadOnlyList<EntityTransaction> Transactions);
