using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MiniSpark.Formats.Reading;
using MiniSpark.Input;

namespace MiniSpark.Formats.JsonLines;

/// <summary>Reads one JSON value per line with System.Text.Json; blank lines are not records.</summary>
/// <remarks>A line is malformed when it is not valid JSON, when a value does not fit its property's type, or when it
/// is <c>null</c>. Nesting deeper than the serializer's <c>MaxDepth</c> (64) is malformed too, never a stack overflow.</remarks>
internal sealed class JsonLinesRecordReader<T>(JsonSerializerOptions options, MalformedRecords malformed) : IFileRecordReader<T>
{
    private readonly JsonTypeInfo<T> _typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public IEnumerable<T> Read(FileSplit split, TaskContext context)
    {
        foreach ((long offset, string line) in LineRecords.Read(split, context.CancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            T? record = default;
            JsonException? error = null;
            try
            {
                record = JsonSerializer.Deserialize(line, _typeInfo);
            }
            catch (JsonException e)
            {
                error = e;
            }
            if (error is null && record is not null)
            {
                yield return record;
                continue;
            }
            if (!malformed.FailFast)
            {
                malformed.Skipped();
                continue;
            }
            string reason = error?.Message ?? $"the line is null, not a {typeof(T).Name}";
            long lineNumber = LineNumbers.LineAt(split.Path, offset, carriageReturnsBreakLines: false);
            throw MalformedRecords.Exception("JSON", split.Path, lineNumber, offset, reason, line, error);
        }
    }
}
