using Accounts.Core.Accounts;

namespace Accounts.Core.Entities;

public sealed record AccountTransactions(Account Account, Entity Entity, IReadOnlyList<EntityTransaction> Transactions);
