using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>
/// Typed access to <see cref="TableEntity"/> properties. A missing required property means a row was not written by
/// this adapter (or was edited by hand), so it throws rather than inventing a value. Names differ from TableEntity's
/// own getters (GetString, GetInt64), which return null for a missing property and would hide these.
/// </summary>
internal static class EntityExtensions
{
    public static string RequireString(this TableEntity entity, string name) =>
        entity.GetStringOrNull(name) ?? throw Missing(entity, name);

    public static string? GetStringOrNull(this TableEntity entity, string name) =>
        entity.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            string text => text,
            _ => throw WrongType(entity, name, value),
        } : null;

    public static long RequireInt64(this TableEntity entity, string name) =>
        entity.GetInt64OrNull(name) ?? throw Missing(entity, name);

    /// <summary>Edm.Int64 arrives as long, Edm.Int32 (an untyped JSON integer) as int; both are whole numbers here.</summary>
    public static long? GetInt64OrNull(this TableEntity entity, string name) =>
        entity.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            long number => number,
            int number => number,
            _ => throw WrongType(entity, name, value),
        } : null;

    public static int? GetInt32OrNull(this TableEntity entity, string name) =>
        entity.GetInt64OrNull(name) is { } number ? checked((int)number) : null;

    /// <summary>
    /// Times are stored as UTC ticks (Edm.Int64), not as Edm.DateTime: exact to 100 ns, DateTimeOffset.MinValue is
    /// representable, and rows written by the earlier client (which stored ticks too) read the same.
    /// </summary>
    public static DateTimeOffset GetTime(this TableEntity entity, string name) => new(entity.RequireInt64(name), TimeSpan.Zero);

    public static DateTimeOffset? GetTimeOrNull(this TableEntity entity, string name) =>
        entity.GetInt64OrNull(name) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public static TEnum GetEnum<TEnum>(this TableEntity entity, string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(entity.RequireString(name), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has an unknown {name} '{entity.RequireString(name)}'");

    /// <summary>The row's ETag as the domain's opaque version string.</summary>
    public static string Version(this TableEntity entity) => entity.ETag.ToString();

    /// <summary>
    /// Sets the version a conditional write checks; null (never read) leaves the row without an ETag. Never assign
    /// default(ETag): TableEntity keeps the ETag as text, so it would read back as a non-default ETag that is no version.
    /// </summary>
    public static TableEntity WithVersion(this TableEntity entity, string? version)
    {
        if (version is not null)
        {
            entity.ETag = new ETag(version);
        }

        return entity;
    }

    /// <summary>True when the row carries a version to check (it was read, or given one with <see cref="WithVersion"/>).</summary>
    public static bool HasVersion(this TableEntity entity) => entity.ETag != default;

    public static TableEntity Set(this TableEntity entity, string name, string? value)
    {
        // Absent rather than null: Table Storage has no null, and reading treats absent as null.
        if (value is not null)
        {
            entity[name] = value;
        }

        return entity;
    }

    /// <summary>Stored as Edm.Int64 (the client marks a long with its type), as the earlier client did.</summary>
    public static TableEntity Set(this TableEntity entity, string name, long? value)
    {
        if (value is not null)
        {
            entity[name] = value.Value;
        }

        return entity;
    }

    public static TableEntity Set(this TableEntity entity, string name, int? value)
    {
        if (value is not null)
        {
            entity[name] = value.Value;
        }

        return entity;
    }

    public static TableEntity Set(this TableEntity entity, string name, DateTimeOffset? value) =>
        entity.Set(name, value?.UtcTicks);

    private static InvalidDataException Missing(TableEntity entity, string name) =>
        new($"Row {entity.PartitionKey}/{entity.RowKey} has no {name}");

    private static InvalidDataException WrongType(TableEntity entity, string name, object value) =>
        new($"Row {entity.PartitionKey}/{entity.RowKey} has a {value.GetType().Name} {name}");
}
