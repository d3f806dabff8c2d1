using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>The .NET type a nested value reads as when nothing asks for another (the untyped reader, <see cref="object"/> members).</summary>
/// <remarks>
/// A struct is an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of field name to value; a list is an array of its
/// elements' type (T?[] for optional value-type elements, as top-level lists of primitives); a map is an
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of its key's and value's types (a <see cref="Dictionary{TKey, TValue}"/>).
/// </remarks>
internal static class NaturalTypes
{
    public static Type Of(NestedNode node) => node switch
    {
        PrimitiveNode primitive => primitive.IsNullable && primitive.Column.NaturalType.IsValueType
            ? typeof(Nullable<>).MakeGenericType(primitive.Column.NaturalType)
            : primitive.Column.NaturalType,
        StructNode => typeof(IReadOnlyDictionary<string, object?>),
        ListNode list => Of(list.Element).MakeArrayType(),
        MapNode map => typeof(IReadOnlyDictionary<,>).MakeGenericType(map.Key.Column.NaturalType, map.Value is null ? typeof(object) : Of(map.Value)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "Unknown nested node."),
    };
}
