using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>KeyValue</c>: application metadata in the footer or a column chunk.</summary>
internal sealed class KeyValue
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }

    public static KeyValue Read(ref ThriftCompactReader reader)
    {
        var result = new KeyValue();
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.Binary): result.Key = reader.ReadString(); break;
                case (2, ThriftType.Binary): result.Value = reader.ReadString(); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        return result;
    }

    public static List<KeyValue> ReadList(ref ThriftCompactReader reader)
    {
        int count = reader.ReadListHeader(out ThriftType elementType);
        var list = new List<KeyValue>(count);
        for (int i = 0; i < count; i++)
        {
            if (elementType != ThriftType.Struct) reader.Skip(elementType);
            else list.Add(Read(ref reader));
        }
        return list;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        writer.WriteStringField(1, Key);
        if (Value is not null) writer.WriteStringField(2, Value);
        writer.EndStruct();
    }
}
