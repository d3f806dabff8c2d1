namespace MiniSpark.Formats.Parquet.Thrift;

/// <summary>List readers shared by the metadata structs; elements of an unexpected type are an error.</summary>
internal static class ThriftLists
{
    public static List<T> ReadStructs<T>(ref ThriftCompactReader reader, ThriftStructReader<T> readElement)
    {
        int count = reader.ReadListHeader(out ThriftType elementType);
        if (elementType != ThriftType.Struct && count > 0) throw reader.Error($"Expected a list of structs, found element type {elementType}.");
        var list = new List<T>(count);
        for (int i = 0; i < count; i++) list.Add(readElement(ref reader));
        return list;
    }

    public static List<int> ReadI32s(ref ThriftCompactReader reader)
    {
        int count = reader.ReadListHeader(out ThriftType elementType);
        if (elementType != ThriftType.I32 && count > 0) throw reader.Error($"Expected a list of i32, found element type {elementType}.");
        var list = new List<int>(count);
        for (int i = 0; i < count; i++) list.Add(reader.ReadI32());
        return list;
    }

    public static List<string> ReadStrings(ref ThriftCompactReader reader)
    {
        int count = reader.ReadListHeader(out ThriftType elementType);
        if (elementType != ThriftType.Binary && count > 0) throw reader.Error($"Expected a list of strings, found element type {elementType}.");
        var list = new List<string>(count);
        for (int i = 0; i < count; i++) list.Add(reader.ReadString());
        return list;
    }
}
