namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>A validated vector: <see cref="Count"/> elements of <c>elementSize</c> bytes lie inside the buffer.</summary>
internal readonly struct FlatVector(FlatBuffer buffer, int start, int count, int elementSize)
{
    public int Count => count;

    /// <summary>Position of element <paramref name="index"/>; structs and scalars are stored inline there.</summary>
    public int ElementPosition(int index)
    {
        if ((uint)index >= (uint)count) throw new ArgumentOutOfRangeException(nameof(index));
        return start + index * elementSize;
    }

    public FlatTable GetTable(int index) => buffer.Table(buffer.ReadReference(ElementPosition(index)));
    public string GetString(int index) => buffer.String(buffer.ReadReference(ElementPosition(index)));
    public int GetInt32(int index, int fieldOffset = 0) => buffer.ReadInt32(ElementPosition(index) + fieldOffset);
    public long GetInt64(int index, int fieldOffset = 0) => buffer.ReadInt64(ElementPosition(index) + fieldOffset);
}
