using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Formats.Parquet.Schema;

namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Accessors for whole top-level fields: a primitive's values, or a list's arrays.</summary>
internal static class FieldAccessors
{
    /// <summary>The CLR type a field reads as: the column's type, or T[] / T?[] for lists.</summary>
    /// <remarks>
    /// Lists whose value-type elements may be null read as T?[], unless <paramref name="target"/> asks for T[]:
    /// writers such as DuckDB and Spark mark every element optional, and a T[] member is the natural wish then
    /// (a null element that does turn up is an error).
    /// </remarks>
    public static Type NaturalType(SchemaField field, Type? target = null)
    {
        ColumnDescriptor column = field.Column ?? throw new InvalidOperationException($"Field '{field.Name}' is not readable.");
        Type element = column.NaturalType;
        if (field.Shape != FieldShape.List) return element;
        return NullableElements(field, column, target) ? typeof(Nullable<>).MakeGenericType(element).MakeArrayType() : element.MakeArrayType();
    }

    /// <summary>An accessor of <see cref="NaturalType"/> (for the same <paramref name="target"/>) over the field's decoded column.</summary>
    public static ColumnAccessor Create(SchemaField field, ColumnData data, long rowCount, string source, Type? target = null)
    {
        ColumnAccessor values = AccessorFactory.CreateNatural(data, source);
        if (field.Shape != FieldShape.List) return values;
        var layout = ListLayout.Build(data, field, rowCount, source);
        Type element = data.Column.NaturalType;
        if (NullableElements(field, data.Column, target))
            return (ColumnAccessor)Activator.CreateInstance(typeof(NullableListAccessor<>).MakeGenericType(element), layout, values)!;
        bool mayHoldNull = element.IsValueType && data.Column.MaxDefinitionLevel > field.ElementDefinitionLevel;
        string? nullError = mayHoldNull ? $"Parquet file '{source}': list column '{field.Name}' has a null element, which {element.Name}[] cannot hold" : null;
        return (ColumnAccessor)Activator.CreateInstance(typeof(ListAccessor<>).MakeGenericType(element), layout, values, nullError)!;
    }

    private static bool NullableElements(SchemaField field, ColumnDescriptor column, Type? target) =>
        column.MaxDefinitionLevel > field.ElementDefinitionLevel && column.NaturalType.IsValueType && target != column.NaturalType.MakeArrayType();
}
