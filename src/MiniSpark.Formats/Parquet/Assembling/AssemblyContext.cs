namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Where assembly of one field is, for error messages: the file, the row group and the row being built.</summary>
internal sealed class AssemblyContext(string source, int rowGroup, long rowCount)
{
    public string Source { get; } = source;

    public int RowGroup { get; } = rowGroup;

    public long RowCount { get; } = rowCount;

    /// <summary>The row being assembled, from 0 within the row group.</summary>
    public int Row { get; set; }
}
