using System.Text.Json;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;
using Xunit.Abstractions;

namespace MiniSpark.Tests.Parquet;

/// <summary>The apache/parquet-testing corpus: files we must read correctly, files we must reject, and no other outcome.</summary>
public class ConformanceTests(ITestOutputHelper output)
{
    private static readonly string ConformanceDirectory = Path.Combine(TestPaths.RepositoryRoot, "tests", "MiniSpark.Formats.Tests", "Parquet", "Conformance");

    // Files DuckDB cannot read, checked against a twin holding the same data with another codec.
    private static readonly Dictionary<string, string> Twins = new()
    {
        ["hadoop_lz4_compressed.parquet"] = "lz4_raw_compressed.parquet",
        ["non_hadoop_lz4_compressed.parquet"] = "lz4_raw_compressed.parquet",
        ["hadoop_lz4_compressed_larger.parquet"] = "lz4_raw_compressed_larger.parquet",
    };

    public static TheoryData<string> MustRead() => [.. ReadList("must-read.txt")];

    [Theory]
    [MemberData(nameof(MustRead))]
    public void MustRead_ReadsCorrectly(string entry)
    {
        string file = Path.Combine(TestPaths.ParquetTesting, CorpusPath(entry));
        string name = Path.GetFileName(file);
        List<IReadOnlyDictionary<string, object?>> rows = ReadAll(file);

        string csv = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(name) + "_expect.csv");
        string snapshot = Path.Combine(ConformanceDirectory, "expected", Twins.GetValueOrDefault(name, name) + ".jsonl");
        if (File.Exists(csv)) CheckCsv(rows, csv);
        else if (File.Exists(snapshot)) CheckSnapshot(rows, snapshot);
        else if (name == "byte_stream_split_extended.gzip.parquet") CheckTwinColumns(rows);
        else if (name == "map_no_value.parquet") CheckMapWithoutValues(rows);
        else Assert.Fail($"No expected values for {name}: add a snapshot (tests/interop/snapshot-corpus.mjs) or a check.");
    }

    public static TheoryData<string> MustReject() => [.. ReadList("must-reject.txt")];

    [Theory]
    [MemberData(nameof(MustReject))]
    public void MustReject_FailsWithFormatErrorNamingFile(string relative)
    {
        string file = Path.Combine(TestPaths.ParquetTesting, relative);
        Exception error = ReadExpectingFailure(file);
        Assert.IsType<InvalidDataException>(error);
    }

    [Fact]
    public void EveryOtherFile_FailsCleanlyNamingFile_NeverReadsUnchecked()
    {
        var known = new HashSet<string>(ReadList("must-read.txt").Select(CorpusPath).Concat(ReadList("must-reject.txt")));
        foreach (string directory in new[] { "data", "bad_data" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.ParquetTesting, directory), "*.parquet").Order())
            {
                string relative = directory + "/" + Path.GetFileName(file);
                if (known.Contains(relative)) continue;
                int? rows = null;
                try
                {
                    rows = ReadAll(file).Count;
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException)
                {
                    Assert.Contains(file, e.Message);
                    output.WriteLine($"{relative}: {e.GetType().Name}: {e.Message.Replace(file, "<file>", StringComparison.Ordinal)}");
                }
                // A file that reads without error must have its values checked: list it in must-read.txt.
                Assert.True(rows is null, $"{relative} reads {rows} rows unchecked: add it to must-read.txt with its expected values.");
            }
        }
    }

    [Fact]
    public void Int96FromSpark_ReadsRepresentableValues_AndNamesTheOneOutOfRange()
    {
        string file = Path.Combine(TestPaths.ParquetTesting, "data", "int96_from_spark.parquet");
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        var rows = new ParquetRowReader(reader).ReadAll().GetEnumerator();
        string[] expected = ["2024-01-01 20:34:56.123456", "2024-01-01 01:00:00", "9999-12-31 03:00:00", "2024-12-30 23:00:00"];
        foreach (string value in expected)
        {
            Assert.True(rows.MoveNext());
            Assert.Null(DuckDbText.Mismatch(rows.Current["a"], value));
        }
        Assert.True(rows.MoveNext());
        Assert.Null(rows.Current["a"]);
        // The last value lies in 226414 BC, beyond DateTime: an error naming file and column, never a wrong date.
        InvalidDataException error = Assert.Throws<InvalidDataException>(() => rows.MoveNext());
        Assert.Contains(file, error.Message);
        Assert.Contains("'a'", error.Message);
    }

    [Fact]
    public void ArrowGh43605_DictionaryIndicesOfBitWidthZero_ReadEveryRow()
    {
        // Valid despite its folder: Polars wrote one dictionary value and indices of bit width 0, which crashed Go's
        // reader. DuckDB reads all 21186 rows as 0; the snapshot samples only some of them.
        List<IReadOnlyDictionary<string, object?>> rows = ReadAll(Path.Combine(TestPaths.ParquetTesting, "bad_data", "ARROW-GH-43605.parquet"));
        Assert.Equal(21186, rows.Count);
        Assert.All(rows, row => Assert.Equal((ushort)0, row["min_fl"]));
    }

    // must-read.txt names data/ files by name, a file of another folder by its path in the corpus.
    private static string CorpusPath(string entry) => entry.Contains('/', StringComparison.Ordinal) ? entry : "data/" + entry;

    [Fact]
    public void NestedStructsRust_ReadsEveryStruct_ButTheOneBeyondDateTime_WhichFailsNamingItself()
    {
        string file = Path.Combine(TestPaths.ParquetTesting, "data", "nested_structs.rust.parquet");
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        // Its writer put nanoseconds into TIMESTAMP_MICROS fields: DuckDB reads the year 52951, beyond DateTime.
        const string outOfRange = "ul_observation_date";
        string[] others = [.. reader.Schema.Fields.Select(f => f.Name).Where(n => n != outOfRange)];
        List<IReadOnlyDictionary<string, object?>> rows = [.. new ParquetRowReader(reader, others).ReadAll()];
        CheckSnapshot(rows, Path.Combine(ConformanceDirectory, "expected", "nested_structs.rust.parquet.jsonl"), outOfRange);
        Assert.Equal(35, rows[0].Count);
        var error = Assert.Throws<InvalidDataException>(() => new ParquetRowReader(reader, [outOfRange]).ReadAll().ToList());
        Assert.Contains(file, error.Message);
        Assert.Contains($"'{outOfRange}.min'", error.Message);
    }

    [Fact]
    public void LargeStringMapBrotli_APageBeyondTheReadersLimit_IsNotSupported_NotCorrupt()
    {
        // A valid file whose one map key is a 1 GiB string: more than a .NET string holds, and past the reader's Brotli limit.
        string file = Path.Combine(TestPaths.ParquetTesting, "data", "large_string_map.brotli.parquet");
        NotSupportedException error = Assert.Throws<NotSupportedException>(() => ReadAll(file));
        Assert.Contains(file, error.Message);
        Assert.Contains("Brotli page of 1073741828 bytes", error.Message);
    }

    private static List<IReadOnlyDictionary<string, object?>> ReadAll(string file)
    {
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        return [.. new ParquetRowReader(reader).ReadAll()];
    }

    private static Exception ReadExpectingFailure(string file)
    {
        // Run with a deadline: a malformed file must fail fast, never hang.
        Task<Exception?> attempt = Task.Run(() =>
        {
            try
            {
                ReadAll(file);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
        Assert.True(attempt.Wait(TimeSpan.FromSeconds(10)), $"Reading {file} did not finish within 10 s.");
        Exception error = attempt.Result ?? throw new Xunit.Sdk.XunitException($"{file} was read without error but must be rejected.");
        Assert.Contains(file, error.Message);
        return error;
    }

    // Checks rows against a DuckDB snapshot (tests/interop/snapshot-corpus.mjs), but for the skipped columns.
    private static void CheckSnapshot(List<IReadOnlyDictionary<string, object?>> rows, string snapshot, params string[] skip)
    {
        string[] lines = File.ReadAllLines(snapshot);
        Assert.Equal(JsonDocument.Parse(lines[0]).RootElement.GetProperty("rows").GetInt32(), rows.Count);
        foreach (string line in lines.Skip(1))
        {
            JsonElement expected = JsonDocument.Parse(line).RootElement;
            int index = int.Parse(expected.GetProperty("file_row_number").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            IReadOnlyDictionary<string, object?> row = rows[index];
            foreach (JsonProperty column in expected.EnumerateObject())
            {
                if (column.Name == "file_row_number" || skip.Contains(column.Name)) continue;
                string? mismatch = DuckDbText.Mismatch(row[column.Name], column.Value.ValueKind == JsonValueKind.Null ? null : column.Value.GetString());
                Assert.True(mismatch is null, $"row {index}, column {column.Name}: {mismatch}");
            }
        }
    }

    private static void CheckCsv(List<IReadOnlyDictionary<string, object?>> rows, string csv)
    {
        List<string?[]> expected = CsvFile.Read(csv);
        Assert.Equal(expected.Count - 1, rows.Count); // the first line names the columns
        for (int r = 0; r < rows.Count; r++)
        {
            object?[] values = [.. rows[r].Values];
            string?[] want = expected[r + 1];
            Assert.Equal(want.Length, values.Length);
            for (int c = 0; c < values.Length; c++)
            {
                string? mismatch = DuckDbText.Mismatch(values[c], want[c]);
                Assert.True(mismatch is null, $"row {r}, column {c}: {mismatch}");
            }
        }
    }

    // byte_stream_split_extended holds each column twice: PLAIN and BYTE_STREAM_SPLIT.
    private static void CheckTwinColumns(List<IReadOnlyDictionary<string, object?>> rows)
    {
        Assert.Equal(200, rows.Count);
        string[] plains = [.. rows[0].Keys.Where(k => k.EndsWith("_plain", StringComparison.Ordinal))];
        Assert.Equal(7, plains.Length);
        foreach (IReadOnlyDictionary<string, object?> row in rows)
        {
            foreach (string plain in plains)
            {
                string split = plain[..^"_plain".Length] + "_byte_stream_split";
                Assert.Equal(DuckDbText.Format(row[plain]), DuckDbText.Format(row[split]));
            }
        }
    }

    // map_no_value (which DuckDB refuses) holds keys 1..9, three per row, three ways: a map whose optional values are
    // all null, a map whose key/value group has no value field (LogicalTypes.md allows it: every value null), a list.
    private static void CheckMapWithoutValues(List<IReadOnlyDictionary<string, object?>> rows)
    {
        Assert.Equal(3, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            int[] keys = [3 * r + 1, 3 * r + 2, 3 * r + 3];
            Assert.Equal(keys, rows[r]["my_list"]);
            var withValues = Assert.IsAssignableFrom<IReadOnlyDictionary<int, int?>>(rows[r]["my_map"]);
            Assert.Equal(keys, withValues.Keys);
            Assert.All(withValues.Values, value => Assert.Null(value));
            var keysOnly = Assert.IsAssignableFrom<IReadOnlyDictionary<int, object?>>(rows[r]["my_map_no_v"]);
            Assert.Equal(keys, keysOnly.Keys);
            Assert.All(keysOnly.Values, Assert.Null);
        }
    }

    private static IEnumerable<string> ReadList(string name) =>
        File.ReadAllLines(Path.Combine(ConformanceDirectory, name))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0);
}
