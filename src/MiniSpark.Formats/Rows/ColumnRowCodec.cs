namespace MiniSpark.Formats.Rows;

/// <summary>Stores untyped rows for serialized storage levels, disk persistence, shuffle spill and checkpoints: the
/// column names, then the values, each written with its runtime type (MiniSpark's polymorphic values).</summary>
/// <remarks>Rows read back share one <see cref="RowKeys"/> per thread while the names repeat, as the rows of one read
/// do, so a persisted dataset does not hold one name index per row.</remarks>
internal sealed class ColumnRowCodec : RecordCodec<ColumnRow>
{
    [ThreadStatic]
    private static RowKeys? t_lastKeys;

    public override void Write(ref RecordWriter writer, ColumnRow value)
    {
        writer.WriteValue(value.Names);
        writer.WriteValue(value.ValueArray);
    }

    public override ColumnRow Read(ref RecordReader reader)
    {
        string[] names = reader.ReadValue<string[]>() ?? throw new InvalidDataException("A stored row has no column names.");
        object?[] values = reader.ReadValue<object?[]>() ?? throw new InvalidDataException("A stored row has no values.");
        if (values.Length != names.Length)
            throw new InvalidDataException($"A stored row has {names.Length} column names but {values.Length} values.");
        RowKeys? keys = t_lastKeys;
        if (keys is null || !keys.Names.AsSpan().SequenceEqual(names)) t_lastKeys = keys = new RowKeys(names);
        return new ColumnRow(keys, values);
    }
}
