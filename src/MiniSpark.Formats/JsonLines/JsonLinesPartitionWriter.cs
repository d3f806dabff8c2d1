using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MiniSpark.Output;

namespace MiniSpark.Formats.JsonLines;

/// <summary>Writes one JSON value per line, each ending in <c>\n</c>, UTF-8 without a BOM.</summary>
internal sealed class JsonLinesPartitionWriter<T>(JsonSerializerOptions options) : IPartitionWriter<T>
{
    private const int FlushThreshold = 64 * 1024;

    private readonly JsonTypeInfo<T> _typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public string Extension => JsonLinesFormat.Extension;

    public void Write(IEnumerable<T> records, Stream output, TaskContext context)
    {
        // Lines are assembled in one buffer and written in large blocks.
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        using var writer = new Utf8JsonWriter(buffer, JsonLinesFormat.WriterOptions(options));
        long index = 0;
        foreach (T record in records)
        {
            if (record is null)
                throw new InvalidOperationException($"Record {index} of partition {context.PartitionId} is null; JSON lines hold one object per line.");
            JsonSerializer.Serialize(writer, record, _typeInfo);
            writer.Flush();
            writer.Reset(); // each line is its own JSON document
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            if (buffer.WrittenCount >= FlushThreshold)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
            index++;
        }
        output.Write(buffer.WrittenSpan);
    }
}
