namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>A column with nothing to read: logical type UNKNOWN (always null), or a member with no column in the file.</summary>
internal sealed class NullAccessor<T> : ColumnAccessor<T>
{
    public static readonly NullAccessor<T> Instance = new();

    public override bool IsNull(int row) => true;

    public override T Get(int row) => default!;
}
