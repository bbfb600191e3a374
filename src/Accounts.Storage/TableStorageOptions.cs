namespace Accounts.Storage;

/// <summary>Where the tables live. <see cref="TablePrefix"/> lets tests (or several environments) share one account.</summary>
public sealed class TableStorageOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>Letters and digits only, starting with a letter, because table names must be alphanumeric.</summary>
    public string? TablePrefix { get; set; }
}
