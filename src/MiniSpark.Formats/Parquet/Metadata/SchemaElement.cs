using MiniSpark.Formats.Parquet.Thrift;

namespace MiniSpark.Formats.Parquet.Metadata;

/// <summary>parquet.thrift <c>SchemaElement</c>: one node of the schema tree, flattened depth-first.</summary>
internal sealed class SchemaElement
{
    /// <summary>Physical type; null for a group (inner node).</summary>
    public PhysicalType? Type { get; set; }
    public int? TypeLength { get; set; }
    public FieldRepetitionType? RepetitionType { get; set; }
    public string Name { get; set; } = "";
    public int? NumChildren { get; set; }
    public ConvertedType? ConvertedType { get; set; }
    public int? Scale { get; set; }
    public int? Precision { get; set; }
    public int? FieldId { get; set; }
    public LogicalType? LogicalType { get; set; }
    /// <summary>Where this element starts in the file (for error messages); 0 when built in memory.</summary>
    public long Offset { get; set; }

    public static SchemaElement Read(ref ThriftCompactReader reader)
    {
        long start = reader.FileOffset;
        var result = new SchemaElement { Offset = start };
        bool hasName = false;
        short saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out short id, out ThriftType type))
        {
            switch (id, type)
            {
                case (1, ThriftType.I32): result.Type = (PhysicalType)reader.ReadI32(); break;
                case (2, ThriftType.I32): result.TypeLength = reader.ReadI32(); break;
                case (3, ThriftType.I32): result.RepetitionType = (FieldRepetitionType)reader.ReadI32(); break;
                case (4, ThriftType.Binary):
                    result.Name = reader.ReadString();
                    hasName = true;
                    break;
                case (5, ThriftType.I32): result.NumChildren = reader.ReadI32(); break;
                case (6, ThriftType.I32): result.ConvertedType = (ConvertedType)reader.ReadI32(); break;
                case (7, ThriftType.I32): result.Scale = reader.ReadI32(); break;
                case (8, ThriftType.I32): result.Precision = reader.ReadI32(); break;
                case (9, ThriftType.I32): result.FieldId = reader.ReadI32(); break;
                case (10, ThriftType.Struct): result.LogicalType = LogicalType.Read(ref reader); break;
                default: reader.Skip(type); break;
            }
        }
        reader.EndStruct(saved);
        if (!hasName) throw ParquetErrors.Invalid(reader.Source, start, "A schema element has no name.");
        return result;
    }

    public void Write(ThriftCompactWriter writer)
    {
        writer.BeginStruct();
        if (Type is PhysicalType type) writer.WriteI32Field(1, (int)type);
        if (TypeLength is int length) writer.WriteI32Field(2, length);
        if (RepetitionType is FieldRepetitionType repetition) writer.WriteI32Field(3, (int)repetition);
        writer.WriteStringField(4, Name);
        if (NumChildren is int children) writer.WriteI32Field(5, children);
        if (ConvertedType is ConvertedType converted) writer.WriteI32Field(6, (int)converted);
        if (Scale is int scale) writer.WriteI32Field(7, scale);
        if (Precision is int precision) writer.WriteI32Field(8, precision);
        if (FieldId is int fieldId) writer.WriteI32Field(9, fieldId);
        if (LogicalType is not null)
        {
            writer.WriteFieldHeader(10, ThriftType.Struct);
            LogicalType.Write(writer);
        }
        writer.EndStruct();
    }
}
