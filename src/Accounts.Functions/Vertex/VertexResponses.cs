namespace Accounts.Functions.Vertex;

/// <summary>Replies of seed 004, field for field, plus the entity object of the entity operations.</summary>
public sealed record VertexEntity(string EntityId, string Type, string Name, string Country, string Status, string CreatedAt,
    string UpdatedAt);

public sealed record VertexCreatedAccount(string AccountId, string EntityId, string AccountNumber, string Country, string CreatedAt);

public sealed record VertexEntityAccounts(string EntityId, IReadOnlyList<VertexEntityAccount> Accounts);

public sealed record VertexEntityAccount(string AccountId, string AccountNumber, string CreatedAt, IReadOnlyDictionary<string, string> Metadata);

public sealed record VertexAccountDetails(string AccountId, string AccountNumber, string Balance, string AvailableBalance,
    IReadOnlyDictionary<string, string> Metadata);

public sealed record VertexTransactions(string AccountId, IReadOnlyList<VertexTransaction> Transactions);

public sealed record VertexTransactionReply(VertexTransaction Transaction);

public sealed record VertexTransaction(
    string TxId,
    string ParentTxId,
    string Date,
    string Amount,
    string Ref,
    string Status,
    string TxSha,
    string UserId,
    string AddedBy,
    string TxType,
    string TxPaymentType,
    string Fee,
    string RecipientName,
    string Credit,
    string Debit,
    string RunningBalance,
    bool Verified);
