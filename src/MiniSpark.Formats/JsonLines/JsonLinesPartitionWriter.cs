using System.Text.Json;
using MiniSpark.Formats.Output;

namespace MiniSpark.Formats.JsonLines;

/// <summary>Writes one JSON value per line, each ending in <c>\n</c>, UTF-8 without a BOM.</summary>
internal sealed class JsonLinesPartitionWriter<T>(JsonSerializerOptions options) : IPartitionWriter<T>
{
    public string Extension => JsonLinesFormat.Extension;

    public void Write(IEnumerable<T> records, Stream output, TaskContext context)
    {
        using var writer = new Utf8JsonWriter(output, JsonLinesFormat.WriterOptions(options));
        long index = 0;
        foreach (T record in records)
        {
            if (record is null)
                throw new InvalidOperationException($"Record {index} of partition {context.PartitionId} is null; JSON lines hold one object per line.");
            JsonSerializer.Serialize(writer, record, options);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset(); // each line is its own JSON document
            index++;
        }
    }
}
