using CsvHelper;
using MiniSpark.Formats.Mapping;
using MiniSpark.Output;

namespace MiniSpark.Formats.Csv;

/// <summary>Writes a header row (optional) and one row per record: RFC 4180 quoting, <c>\n</c> line endings,
/// UTF-8 without a BOM, values as <see cref="CsvValue{TValue}"/> formats them.</summary>
internal sealed class CsvPartitionWriter<T>(CsvWriteOptions options) : IPartitionWriter<T>
{
    public const string FileExtension = ".csv";

    public string Extension => FileExtension;

    public void Write(IEnumerable<T> records, Stream output, TaskContext context)
    {
        RecordShape<T> shape = RecordShape<T>.Instance;
        CsvWriterOptions settings = CsvWriterOptions.Default with { Separator = options.Delimiter, NewLine = "\n" };
        using var writer = CsvWriter.Create(output, settings, leaveOpen: true);
        if (options.WriteHeader)
        {
            foreach (RecordMember member in shape.Members) writer.WriteField(member.Name);
            writer.EndRecord();
        }
        Action<CsvFieldSink, T> write = shape.CompileWriter<CsvFieldSink>();
        var sink = new CsvFieldSink(writer);
        long index = 0;
        foreach (T record in records)
        {
            if (record is null)
                throw new InvalidOperationException($"Record {index} of partition {context.PartitionId} is null; CSV rows cannot be null.");
            write(sink, record);
            writer.EndRecord();
            index++;
        }
        writer.Flush();
    }
}

/// <summary>Writes each member as the next field, for <see cref="RecordShape{T}.CompileWriter{TSink}"/>.</summary>
internal sealed class CsvFieldSink(CsvWriter writer) : IRecordSink
{
    public void Write<TValue>(int member, TValue value) => CsvValue<TValue>.Write!(writer, value);
}
