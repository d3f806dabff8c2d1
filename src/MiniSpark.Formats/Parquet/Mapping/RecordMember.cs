namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>A value a record receives from a column: a constructor parameter or a settable property.</summary>
internal sealed record RecordMember(string Name, Type Type, string Description)
{
    /// <summary>Whether the member can be left null when the file has no such column.</summary>
    public bool AcceptsNull => !Type.IsValueType || Nullable.GetUnderlyingType(Type) is not null;
}
