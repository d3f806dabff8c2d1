namespace MiniSpark.Formats.Arrow.Columns;

/// <summary>A column whose values are a <typeparamref name="T"/>[]; null rows hold <c>default</c>.</summary>
internal sealed class ArrowColumn<T> : ArrowColumn
{
    private readonly T[] _values;

    /// <summary>Wraps decoded or caller-built values; without <paramref name="validity"/>, null references are the nulls.</summary>
    public ArrowColumn(T[] values, byte[]? validity, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, values.Length);
        if (validity is not null && validity.Length < (length + 7) / 8) throw new ArgumentException("The validity bitmap is too short.", nameof(validity));
        if (validity is null && !typeof(T).IsValueType) validity = NullReferences(values, length);
        _values = values;
        Length = length;
        NullCount = validity is null ? 0 : CountNulls(validity, length);
        Validity = NullCount == 0 ? null : validity;
    }

    /// <summary>An empty column to <see cref="Append"/> to; a nullable one keeps a bitmap for its capacity.</summary>
    public ArrowColumn(int capacity, bool nullable)
    {
        _values = new T[capacity];
        _bitmap = nullable ? new byte[(capacity + 7) / 8] : null;
    }

    private readonly byte[]? _bitmap;

    /// <summary>A bitmap marking null references invalid, or null when there are none.</summary>
    private static byte[]? NullReferences(T[] values, int length)
    {
        int first = Array.FindIndex(values, 0, length, static value => value is null);
        if (first < 0) return null;
        var bits = new byte[(length + 7) / 8];
        for (int row = 0; row < length; row++)
        {
            if (values[row] is not null) bits[row >> 3] |= (byte)(1 << (row & 7));
        }
        return bits;
    }

    public override Type ValueType => typeof(T);

    /// <summary>The values; only the first <see cref="ArrowColumn.Length"/> are meaningful.</summary>
    public T[] Values => _values;

    public int Capacity => _values.Length;

    public T this[int row] => _values[row];

    public override object? GetValue(int row) => IsNull(row) ? null : _values[row];

    /// <summary>Appends a value; a null reference appends a null.</summary>
    public void Append(T value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }
        int row = Length;
        _values[row] = value;
        if (_bitmap is byte[] bits) bits[row >> 3] |= (byte)(1 << (row & 7));
        Length = row + 1;
    }

    public void AppendNull()
    {
        if (_bitmap is null) throw new InvalidOperationException("A null cannot be appended to a column that is not nullable.");
        _values[Length] = default!;
        Length++;
        NullCount++;
        Validity = _bitmap; // exposed only once a null exists, so all-valid batches write no bitmap
    }

    // References are dropped so a written batch's strings can be collected.
    public override void Reset()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>()) Array.Clear(_values, 0, Length);
        if (_bitmap is byte[] bits) Array.Clear(bits, 0, (Length + 7) / 8);
        Length = 0;
        NullCount = 0;
        Validity = null;
    }

    /// <summary>A new column of converted values (widening for typed reads); null rows keep <c>default</c>.</summary>
    public ArrowColumn<TOut> Convert<TOut>(Func<T, TOut> convert)
    {
        var values = new TOut[Length];
        for (int row = 0; row < values.Length; row++) values[row] = convert(_values[row]);
        return new ArrowColumn<TOut>(values, Validity, Length);
    }

    internal override ArrowColumn Take(long[] indices, byte[]? validity, int length)
    {
        var values = new T[length];
        byte[]? result = validity is null && NullCount == 0 ? null : new byte[(length + 7) / 8];
        for (int row = 0; row < length; row++)
        {
            if (validity is not null && (validity[row >> 3] & (1 << (row & 7))) == 0) continue;
            int index = (int)indices[row];
            if (IsNull(index)) continue;
            values[row] = _values[index];
            if (result is not null) result[row >> 3] |= (byte)(1 << (row & 7));
        }
        return new ArrowColumn<T>(values, result, length);
    }

    internal override ArrowColumn Concat(ArrowColumn other)
    {
        var tail = (ArrowColumn<T>)other;
        int length = Length + tail.Length;
        var values = new T[length];
        Array.Copy(_values, values, Length);
        Array.Copy(tail._values, 0, values, Length, tail.Length);
        byte[]? validity = null;
        if (NullCount > 0 || tail.NullCount > 0)
        {
            validity = new byte[(length + 7) / 8];
            for (int row = 0; row < length; row++)
            {
                bool valid = row < Length ? !IsNull(row) : !tail.IsNull(row - Length);
                if (valid) validity[row >> 3] |= (byte)(1 << (row & 7));
            }
        }
        return new ArrowColumn<T>(values, validity, length);
    }
}
