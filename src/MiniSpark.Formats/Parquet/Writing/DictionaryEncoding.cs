namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>A column chunk's dictionary (distinct values, in first-seen order) and each value's index into it.</summary>
internal sealed record DictionaryEncoding(PhysicalColumn Dictionary, int[] Indices)
{
    /// <summary>Bits per index in the data pages.</summary>
    public int BitWidth => Dictionary.Count <= 1 ? 1 : 32 - int.LeadingZeroCount(Dictionary.Count - 1);
}
