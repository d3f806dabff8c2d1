namespace MiniSpark.Formats.Parquet.Encodings;

/// <summary>A list of byte strings stored end to end in one buffer with an offsets array (Arrow's layout).</summary>
/// <remarks>One allocation per column chunk instead of one per value; value i is <c>Data[Offsets[i]..Offsets[i+1]]</c>.</remarks>
internal sealed class BinaryValues
{
    private byte[] _data;
    private int[] _offsets;

    public BinaryValues(int valueCapacity = 16, int byteCapacity = 256)
    {
        _data = new byte[Math.Max(byteCapacity, 16)];
        _offsets = new int[Math.Max(valueCapacity, 1) + 1];
    }

    public int Count { get; private set; }

    /// <summary>Total bytes of all values.</summary>
    public int ByteLength => _offsets[Count];

    public ReadOnlySpan<byte> this[int index] => _data.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    public int Length(int index) => _offsets[index + 1] - _offsets[index];

    public void Add(ReadOnlySpan<byte> value)
    {
        Span<byte> target = AddUninitialized(value.Length);
        value.CopyTo(target);
    }

    /// <summary>Appends a value of <paramref name="length"/> bytes and returns its storage to fill.</summary>
    public Span<byte> AddUninitialized(int length)
    {
        if (Count + 2 > _offsets.Length) Array.Resize(ref _offsets, checked(_offsets.Length * 2));
        int start = _offsets[Count];
        int end = checked(start + length);
        if (end > _data.Length) Array.Resize(ref _data, Math.Max(end, (int)Math.Min(Array.MaxLength, (long)_data.Length * 2)));
        _offsets[++Count] = end;
        return _data.AsSpan(start, length);
    }

    public void Clear() => Count = 0;

    /// <summary>Reserves room for <paramref name="values"/> more values (not their bytes).</summary>
    public void EnsureValueCapacity(int values)
    {
        if (Count + values + 1 > _offsets.Length) Array.Resize(ref _offsets, Count + values + 1);
    }
}
