using System.Reflection;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>A public property of a record type that maps to one column.</summary>
/// <param name="Property">The property; its name is the column name.</param>
/// <param name="StorageType">The column's .NET value type: the property type, or its underlying type when it is <see cref="Nullable{T}"/>.</param>
/// <param name="IsNullableValue">The property is a <see cref="Nullable{T}"/>.</param>
internal sealed record ArrowRecordMember(PropertyInfo Property, Type StorageType, bool IsNullableValue)
{
    public string Name => Property.Name;

    /// <summary>The column may hold nulls: a reference type or a <see cref="Nullable{T}"/>.</summary>
    public bool IsNullable => IsNullableValue || !StorageType.IsValueType;
}
