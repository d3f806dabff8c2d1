using System.Numerics;

namespace MiniSpark.Formats.Arrow.Columns;

/// <summary>One column of one record batch, decoded into a .NET array plus an Arrow validity bitmap.</summary>
/// <remarks>
/// The same shape serves reading and writing: decoders fill it from a message body, encoders copy it out, and the typed
/// writer appends to it row by row and reuses it for the next batch. <see cref="Validity"/> is LSB-first (bit set means
/// valid) as in the Arrow format, and is null when the column has no nulls, so most columns never touch it.
/// </remarks>
internal abstract class ArrowColumn
{
    public int Length { get; protected set; }
    public int NullCount { get; protected set; }
    public byte[]? Validity { get; protected set; }

    /// <summary>The .NET type of the values (the storage type of the column's Arrow type).</summary>
    public abstract Type ValueType { get; }

    public bool IsNull(int row) => Validity is byte[] bits && (bits[row >> 3] & (1 << (row & 7))) == 0;

    /// <summary>The value at <paramref name="row"/>, boxed; for untyped rows only.</summary>
    public abstract object? GetValue(int row);

    /// <summary>Empties an appendable column for the next batch.</summary>
    public abstract void Reset();

    /// <summary>The first null row, or -1.</summary>
    public int FirstNull()
    {
        if (Validity is not byte[] bits) return -1;
        for (int row = 0; row < Length; row++)
        {
            if ((bits[row >> 3] & (1 << (row & 7))) == 0) return row;
        }
        return -1;
    }

    /// <summary>Values at <paramref name="indices"/> (dictionary decoding); rows null in <paramref name="validity"/> stay null.</summary>
    /// <remarks>The caller has checked every index of a valid row against <see cref="Length"/>.</remarks>
    internal abstract ArrowColumn Take(long[] indices, byte[]? validity, int length);

    /// <summary>This column followed by <paramref name="other"/> (a dictionary delta).</summary>
    internal abstract ArrowColumn Concat(ArrowColumn other);

    /// <summary>An empty, appendable column of <paramref name="valueType"/> for up to <paramref name="capacity"/> rows.</summary>
    public static ArrowColumn CreateBuilder(Type valueType, int capacity, bool nullable) =>
        (ArrowColumn)Activator.CreateInstance(typeof(ArrowColumn<>).MakeGenericType(valueType), capacity, nullable)!;

    /// <summary>Counts nulls in the first <paramref name="length"/> bits; trailing bits are ignored.</summary>
    protected static int CountNulls(byte[] validity, int length)
    {
        int valid = 0, fullBytes = length >> 3;
        for (int i = 0; i < fullBytes; i++) valid += BitOperations.PopCount(validity[i]);
        if ((length & 7) != 0) valid += BitOperations.PopCount((uint)(validity[fullBytes] & ((1 << (length & 7)) - 1)));
        return length - valid;
    }
}
