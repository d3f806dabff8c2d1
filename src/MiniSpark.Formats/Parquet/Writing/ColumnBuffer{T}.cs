namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>A growable column of <typeparamref name="T"/> values with a null mask: the columnar writer's input.</summary>
/// <remarks>
/// Slots of null rows hold <c>default</c>. For reference types a null reference is also a null row.
/// Strings and byte arrays are counted by length so row groups can be cut by size.
/// </remarks>
internal sealed class ColumnBuffer<T> : ColumnBuffer
{
    private T[] _values;
    private bool[]? _nulls;
    private int _count;
    private long _variableBytes;

    public ColumnBuffer(int capacity = 1024) => _values = new T[Math.Max(capacity, 4)];

    /// <summary>Wraps existing arrays (no copy); <paramref name="nulls"/> marks null rows and may be null.</summary>
    public ColumnBuffer(T[] values, bool[]? nulls)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (nulls is not null && nulls.Length != values.Length)
            throw new ArgumentException($"The null mask has {nulls.Length} entries for {values.Length} values.", nameof(nulls));
        _values = values;
        _count = values.Length;
        if (!typeof(T).IsValueType)
        {
            foreach (T value in values)
            {
                if (value is null && nulls is null) nulls = MarkNullReferences(values);
                _variableBytes += VariableLength(value);
            }
        }
        _nulls = nulls;
    }

    public override int Count => _count;

    public override Type ValueType => typeof(T);

    public ReadOnlySpan<T> Values => _values.AsSpan(0, _count);

    public override ReadOnlySpan<bool> Nulls => _nulls is null ? default : _nulls.AsSpan(0, _count);

    public override long EstimatedBytes => _variableBytes + (long)_count * FixedWidth;

    public void Add(T value)
    {
        if (value is null)
        {
            AddNull();
            return;
        }
        if (_count == _values.Length) Grow();
        _values[_count++] = value;
        if (!typeof(T).IsValueType) _variableBytes += VariableLength(value);
    }

    public void AddNull()
    {
        if (_count == _values.Length) Grow();
        _nulls ??= new bool[_values.Length];
        _values[_count] = default!;
        _nulls[_count++] = true;
    }

    public override void Clear()
    {
        if (!typeof(T).IsValueType) Array.Clear(_values, 0, _count); // let strings be collected
        if (_nulls is not null) Array.Clear(_nulls, 0, _count);
        _count = 0;
        _variableBytes = 0;
    }

    private void Grow()
    {
        int size = checked(_values.Length * 2);
        Array.Resize(ref _values, size);
        if (_nulls is not null) Array.Resize(ref _nulls, size);
    }

    private static bool[] MarkNullReferences(T[] values)
    {
        var nulls = new bool[values.Length];
        for (int i = 0; i < values.Length; i++) nulls[i] = values[i] is null;
        return nulls;
    }

    // UTF-16 length approximates UTF-8 bytes for size estimates; exact counts happen at encoding time.
    private static long VariableLength(T value) => value switch
    {
        string text => text.Length + 4,
        byte[] bytes => bytes.Length + 4,
        _ => 0,
    };

    private static int FixedWidth =>
        typeof(T) == typeof(bool) ? 1 :
        typeof(T) == typeof(int) || typeof(T) == typeof(float) || typeof(T) == typeof(DateOnly) ? 4 :
        typeof(T) == typeof(decimal) ? 16 :
        typeof(T).IsValueType ? 8 : 0;
}
