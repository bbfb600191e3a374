using Azure;
using Azure.Data.Tables;

namespace Accounts.Storage.Tables;

/// <summary>
/// Typed access to <see cref="TableEntity"/> properties. A missing required property means a row was not written by
/// this adapter (or was edited by hand), so it throws rather than inventing a value. Names differ from TableEntity's
/// own getters (GetString, GetInt64), which return null for a missing property and would hide these.
/// </summary>
internal static class RowValues
{
    public static string RequireString(this TableEntity row, string name) =>
        row.GetStringOrNull(name) ?? throw Missing(row, name);

    public static string? GetStringOrNull(this TableEntity row, string name) =>
        row.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            string text => text,
            _ => throw WrongType(row, name, value),
        } : null;

    public static long RequireInt64(this TableEntity row, string name) =>
        row.GetInt64OrNull(name) ?? throw Missing(row, name);

    /// <summary>Edm.Int64 arrives as long, Edm.Int32 (an untyped JSON integer) as int; both are whole numbers here.</summary>
    public static long? GetInt64OrNull(this TableEntity row, string name) =>
        row.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            long number => number,
            int number => number,
            _ => throw WrongType(row, name, value),
        } : null;

    public static int? GetInt32OrNull(this TableEntity row, string name) =>
        row.GetInt64OrNull(name) is { } number ? checked((int)number) : null;

    /// <summary>
    /// Times are stored as UTC ticks (Edm.Int64), not as Edm.DateTime: exact to 100 ns, DateTimeOffset.MinValue is
    /// representable, and rows written by the earlier client (which stored ticks too) read the same.
    /// </summary>
    public static DateTimeOffset GetTime(this TableEntity row, string name) => new(row.RequireInt64(name), TimeSpan.Zero);

    public static DateTimeOffset? GetTimeOrNull(this TableEntity row, string name) =>
        row.GetInt64OrNull(name) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public static TEnum GetEnum<TEnum>(this TableEntity row, string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(row.RequireString(name), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} has an unknown {name} '{row.RequireString(name)}'");

    /// <summary>The row's ETag as the domain's opaque version string.</summary>
    public static string Version(this TableEntity row) => row.ETag.ToString();

    /// <summary>
    /// Sets the version a conditional write checks; null (never read) leaves the row without an ETag. Never assign
    /// default(ETag): TableEntity keeps the ETag as text, so it would read back as a non-default ETag that is no version.
    /// </summary>
    public static TableEntity WithVersion(this TableEntity row, string? version)
    {
        if (version is not null)
        {
            row.ETag = new ETag(version);
        }

        return row;
    }

    /// <summary>True when the row carries a version to check (it was read, or given one with <see cref="WithVersion"/>).</summary>
    public static bool HasVersion(this TableEntity row) => row.ETag != default;

    public static TableEntity Set(this TableEntity row, string name, string? value)
    {
        // Absent rather than null: Table Storage has no null, and reading treats absent as null.
        if (value is not null)
        {
            row[name] = value;
        }

        return row;
    }

    /// <summary>Stored as Edm.Int64 (the client marks a long with its type), as the earlier client did.</summary>
    public static TableEntity Set(this TableEntity row, string name, long? value)
    {
        if (value is not null)
        {
            row[name] = value.Value;
        }

        return row;
    }

    public static TableEntity Set(this TableEntity row, string name, int? value)
    {
        if (value is not null)
        {
            row[name] = value.Value;
        }

        return row;
    }

    public static TableEntity Set(this TableEntity row, string name, DateTimeOffset? value) =>
        row.Set(name, value?.UtcTicks);

    private static InvalidDataException Missing(TableEntity row, string name) =>
        new($"Row {row.PartitionKey}/{row.RowKey} has no {name}");

    private static InvalidDataException WrongType(TableEntity row, string name, object value) =>
        new($"Row {row.PartitionKey}/{row.RowKey} has a {value.GetType().Name} {name}");
}
