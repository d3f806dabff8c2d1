namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>C#-like type names for messages: <c>List&lt;Int32&gt;</c>, not <c>List`1</c>.</summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is Type underlying) return Of(underlying) + "?";
        if (type.IsArray) return Of(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>";
    }
}
