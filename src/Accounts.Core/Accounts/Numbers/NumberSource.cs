using Accounts.Core.Routing;

namespace Accounts.Core.Accounts.Numbers;

/// <summary>
/// Where a product's account numbers come from: the strategy <see cref="AccountNumbers"/> draws candidates from.
/// Every number is claimed under <see cref="InstitutionCode"/> (insert-if-absent), so numbers are unique per source
/// across all tenants; <see cref="Attempts"/> bounds how many taken candidates are skipped before giving up.
/// </summary>
public abstract record NumberSource(string InstitutionCode, int Attempts)
{
    /// <summary>
    /// 12 digits under the INTERNAL pseudo-institution (internal references): never equal to a 10-digit NUBAN or global
    /// account number of the same tenant, whose numbers share one index.
    /// </summary>
    public static Drawn InternalReference { get; } = new(new Institution("INTERNAL", "Internal ledger", string.Empty,
        string.Empty, null, string.Empty, string.Empty, "Internal", 12, null, []), "no free internal account number could be allocated; retry later");

    /// <summary>The message of the refusal when every attempt found its candidate taken.</summary>
    public abstract string Unavailable { get; }

    /// <summary>The IBAN of <paramref name="number"/>, where the source's institution quotes accounts as IBANs.</summary>
    public virtual string? Iban(string number) => null;

    /// <summary>
    /// Random digits of the institution's length, the first never 0; at a Nigerian institution a NUBAN (nine random
    /// digits and the CBN check digit). With 900 million serials a retry is rare, so a run of failures means the
    /// store is unwell.
    /// </summary>
    public sealed record Drawn(Institution Institution, string? Refusal = null) : NumberSource(Institution.Code, 20)
    {
        public override string Unavailable => Refusal ?? $"no free account number could be allocated at {Institution.Name}; retry later";

        public override string? Iban(string number) => Institution.Iban?.Build(Institution, number);
    }

    /// <summary>
    /// The next number of a country's pool, in order, never twice: a counter decides the index, then the number is
    /// claimed like any other, so a number already held (ranges reconfigured to overlap) is skipped, not reused.
    /// A number whose account is then never stored is lost: gaps are allowed, repeats are not.
    /// </summary>
    public sealed record Pooled(NumberPool Pool) : NumberSource(Pool.InstitutionCode, 200)
    {
        public override string Unavailable => $"no account number could be allocated for {Pool.Country} right now; retry later";
    }
}
