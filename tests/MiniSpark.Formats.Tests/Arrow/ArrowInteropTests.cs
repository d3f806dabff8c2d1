using System.Text.Json;
using System.Text.Json.Nodes;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

/// <summary>Proves the codec against Apache Arrow JS: each side reads what the other writes, row for row.</summary>
public sealed class ArrowInteropTests : IDisposable
{
    private readonly ArrowTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OurOutput_IsReadByArrowJs(bool fileFormat)
    {
        List<ArrowSample> rows = ArrowSample.Create(300);
        var options = new ArrowWriteOptions { BatchSize = 64, Format = fileFormat ? ArrowIpcFormat.File : ArrowIpcFormat.Stream };
        string path = _files.PathFor(fileFormat ? "ours.arrow" : "ours.arrows");
        ArrowRecordWriter<ArrowSample>.WriteFile(path, rows, options);

        string[] lines = ArrowJs.Run("read.mjs", path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        ArrowSchema schema = ArrowRecordWriter<ArrowSample>.SchemaFor(options);
        JsonObject header = JsonNode.Parse(lines[0])!.AsObject();
        Assert.Equal(
            schema.Fields.Select(f => $"{f.Name}:{ArrowCanonical.TypeName(f)}:{f.Nullable}"),
            header["schema"]!.AsArray().Select(f => $"{f!["name"]}:{f["type"]}:{(bool)f["nullable"]!}"));
        Assert.Equal([64, 64, 64, 64, 44], header["batches"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(ArrowCanonical.Rows(rows, schema), lines.Skip(1).Select(ArrowCanonical.Normalize));
    }

    [Fact]
    public void ArrowJsOutput_IsReadByUs()
    {
        List<ArrowSample> rows = ArrowSample.Create(200);
        ArrowSchema schema = ArrowRecordWriter<ArrowSample>.SchemaFor();
        var columns = new JsonArray();
        List<string> canonical = ArrowCanonical.Rows(rows, schema);
        JsonObject[] parsed = [.. canonical.Select(line => JsonNode.Parse(line)!.AsObject())];
        foreach (ArrowField field in schema.Fields)
        {
            columns.Add(Column(field.Name, ArrowCanonical.TypeName(field), field.Nullable, parsed.Select(row => row[field.Name]?.DeepClone())));
        }
        // Types Arrow JS writes that MiniSpark only reads: narrower ints, 64-bit offsets, other units, dictionaries.
        var random = new Random(7);
        columns.Add(Column("Tiny", "int8", true, rows.Select((_, i) => i % 5 == 0 ? null : JsonValue.Create(random.Next(-128, 128)))));
        columns.Add(Column("Small", "int16", false, rows.Select(_ => JsonValue.Create(random.Next(-32768, 32768)))));
        columns.Add(Column("Unsigned", "uint32", true, rows.Select(_ => JsonValue.Create((long)random.NextInt64(0, uint.MaxValue)))));
        columns.Add(Column("Label", "dictionary<utf8,int32>", true, rows.Select((_, i) => i % 7 == 0 ? null : JsonValue.Create($"label-{i % 4}"))));
        columns.Add(Column("LongText", "largeutf8", true, rows.Select((_, i) => i % 6 == 0 ? null : JsonValue.Create($"text {i} ✓"))));
        columns.Add(Column("LongBlob", "largebinary", true, rows.Select((_, i) => i % 4 == 0 ? null : JsonValue.Create(Convert.ToBase64String([(byte)i, 1, 2])))));
        columns.Add(Column("Seconds", "timestamp[s,UTC]", true, rows.Select((_, i) => JsonValue.Create((random.NextInt64(-1L << 35, 1L << 35)).ToString()))));
        columns.Add(Column("Millis", "timestamp[ms]", true, rows.Select((_, i) => JsonValue.Create(random.NextInt64(-1L << 45, 1L << 45).ToString()))));
        columns.Add(Column("Nanos", "timestamp[ns,UTC]", true, rows.Select((_, i) => JsonValue.Create((random.NextInt64(-1L << 55, 1L << 55) * 100).ToString()))));
        columns.Add(Column("Day64", "date64", true, rows.Select((r, i) => i % 3 == 0 ? null : JsonValue.Create(r.Day.ToString("yyyy-MM-dd")))));
        columns.Add(Column("Float32", "float32", false, rows.Select(r => JsonValue.Create((double)(float)(r.Id / 3.0)))));
        columns.Add(Column("Cents", "decimal128(9,2)", true, rows.Select((_, i) => i % 5 == 1 ? null : JsonValue.Create($"{random.Next(-9999999, 9999999)}.{random.Next(0, 100):D2}"))));
        string spec = _files.PathFor("spec.json");
        File.WriteAllText(spec, new JsonObject { ["batchSize"] = 48, ["columns"] = columns }.ToJsonString());
        string file = _files.PathFor("js.arrow"), stream = _files.PathFor("js.arrows");

        ArrowJs.Run("write.mjs", spec, file, stream);

        foreach (string path in new[] { file, stream })
        {
            // Typed: the sample's columns, extra columns ignored.
            Assert.Equal(canonical, ArrowCanonical.Rows(ArrowRecordReader<ArrowSample>.ReadFile(path), schema));

            // Untyped: every column, rendered under the schema we read, equals what Arrow JS was asked to write.
            using ArrowReader reader = ArrowReader.Open(path);
            Assert.Equal(fileFormat(path), reader is ArrowFileReader);
            Assert.Equal(columns.Select(c => $"{c!["name"]}:{c["type"]}"), reader.Schema.Fields.Select(f => $"{f.Name}:{ArrowCanonical.TypeName(f)}"));
            List<string> expected = Enumerable.Range(0, rows.Count)
                .Select(i => ArrowCanonical.Row(columns.Select(c => new KeyValuePair<string, JsonNode?>((string)c!["name"]!, c["values"]![i]?.DeepClone()))))
                .ToList();
            List<string> actual = ArrowCanonical.Rows(ArrowRows.Read(reader), reader.Schema);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]); // row by row: readable diffs
        }
        using var batches = new ArrowFileReader(File.OpenRead(file), file);
        Assert.Equal(5, batches.RecordBatchCount);
        Assert.Equal(8, batches.ReadRecordBatch(4).Length);

        static bool fileFormat(string path) => path.EndsWith(".arrow", StringComparison.Ordinal);
    }

    private static JsonObject Column(string name, string type, bool nullable, IEnumerable<JsonNode?> values) =>
        new() { ["name"] = name, ["type"] = type, ["nullable"] = nullable, ["values"] = new JsonArray([.. values]) };
}
