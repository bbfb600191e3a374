namespace Accounts.Functions.Vertex;

/// <summary>The transaction object of seed 004, field for field (see the README for each field).</summary>
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
