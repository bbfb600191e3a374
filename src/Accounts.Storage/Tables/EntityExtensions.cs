using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

/// <summary>
/// Typed access to <see cref="DynamicTableEntity"/> properties. A missing required property means a row was not
/// written by this adapter (or was edited by hand), so it throws rather than inventing a value.
/// </summary>
internal static class EntityExtensions
{
    public static string GetString(this DynamicTableEntity entity, string name) =>
        entity.GetStringOrNull(name) ?? throw Missing(entity, name);

    public static string? GetStringOrNull(this DynamicTableEntity entity, string name) =>
        entity.Properties.TryGetValue(name, out var p) ? p.StringValue : null;

    public static long GetInt64(this DynamicTableEntity entity, string name) =>
        entity.GetInt64OrNull(name) ?? throw Missing(entity, name);

    public static long? GetInt64OrNull(this DynamicTableEntity entity, string name) =>
        entity.Properties.TryGetValue(name, out var p) ? p.PropertyType == EdmType.Int32 ? p.Int32Value : p.Int64Value : null;

    public static int? GetInt32OrNull(this DynamicTableEntity entity, string name) =>
        entity.Properties.TryGetValue(name, out var p) ? p.Int32Value : null;

    /// <summary>Times are stored as UTC ticks: exact to 100 ns, and DateTimeOffset.MinValue is representable.</summary>
    public static DateTimeOffset GetTime(this DynamicTableEntity entity, string name) => new(entity.GetInt64(name), TimeSpan.Zero);

    public static DateTimeOffset? GetTimeOrNull(this DynamicTableEntity entity, string name) =>
        entity.GetInt64OrNull(name) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public static TEnum GetEnum<TEnum>(this DynamicTableEntity entity, string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(entity.GetString(name), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has an unknown {name} '{entity.GetString(name)}'");

    public static DynamicTableEntity Set(this DynamicTableEntity entity, string name, string? value)
    {
        // Absent rather than null: Table Storage has no null, and reading treats absent as null.
        if (value is not null)
        {
            entity.Properties[name] = EntityProperty.GeneratePropertyForString(value);
        }

        return entity;
    }

    public static DynamicTableEntity Set(this DynamicTableEntity entity, string name, long? value)
    {
        if (value is not null)
        {
            entity.Properties[name] = EntityProperty.GeneratePropertyForLong(value);
        }

        return entity;
    }

    public static DynamicTableEntity Set(this DynamicTableEntity entity, string name, int? value)
    {
        if (value is not null)
        {
            entity.Properties[name] = EntityProperty.GeneratePropertyForInt(value);
        }

        return entity;
    }

    public static DynamicTableEntity Set(this DynamicTableEntity entity, string name, DateTimeOffset? value) =>
        entity.Set(name, value?.UtcTicks);

    private static InvalidDataException Missing(DynamicTableEntity entity, string name) =>
        new($"Row {entity.PartitionKey}/{entity.RowKey} has no {name}");
}
