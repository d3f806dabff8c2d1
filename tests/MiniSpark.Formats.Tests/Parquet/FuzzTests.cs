using System.Buffers.Binary;
using MiniSpark.Formats.Parquet.Reading;
using MiniSpark.Tests.Support;
using Xunit.Abstractions;
using static MiniSpark.Tests.Parquet.RoundTripTests;

namespace MiniSpark.Tests.Parquet;

/// <summary>Corrupted files (seeded, reproducible) must read or fail with our exception naming the file: no hang, crash or OOM.</summary>
public class FuzzTests(ITestOutputHelper output)
{
    // Overridable for longer local runs: MINISPARK_FUZZ_ITERATIONS=100000 MINISPARK_FUZZ_SEED=7 dotnet test ...
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("MINISPARK_FUZZ_ITERATIONS"), out int n) ? n : 1000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("MINISPARK_FUZZ_SEED"), out int s) ? s : 20260101;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static readonly string[] CorpusSeeds =
    [
        "alltypes_plain.parquet", "alltypes_dictionary.parquet", "alltypes_plain.snappy.parquet", "datapage_v2.snappy.parquet",
        "delta_byte_array.parquet", "delta_binary_packed.parquet", "rle_boolean_encoding.parquet", "list_columns.parquet",
        "fixed_length_decimal.parquet", "byte_array_decimal.parquet", "lz4_raw_compressed.parquet", "hadoop_lz4_compressed.parquet",
        "concatenated_gzip_members.parquet", "int32_with_null_pages.parquet", "nulls.snappy.parquet", "dict-page-offset-zero.parquet",
        "byte_stream_split.zstd.parquet", "delta_length_byte_array.parquet",
        // Nested columns: mutated levels must trip record assembly's checks, never its bounds.
        "nested_lists.snappy.parquet", "nested_maps.snappy.parquet", "nullable.impala.parquet", "repeated_no_annotation.parquet",
        "old_list_structure.parquet",
    ];

    [Fact]
    public void MutatedFiles_ReadOrFailCleanly()
    {
        List<(string Name, byte[] Bytes)> seeds = Seeds();
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>();
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            (string seedName, byte[] seed) = seeds[random.Next(seeds.Count)];
            (byte[] mutated, string mutation) = Mutate(seed, random);
            string name = $"fuzz-{iteration}-{seedName}";
            string outcome = Attempt(mutated, name, $"iteration {iteration} ({mutation} of {seedName})");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        output.WriteLine($"seed {Seed}, {Iterations} iterations");
        foreach ((string outcome, int count) in outcomes.OrderByDescending(p => p.Value)) output.WriteLine($"{count,5} {outcome}");
        // Most mutations (truncations, length fields, footer bytes) break the file: a reader that accepted nearly
        // everything would not be checking. Bit flips inside values legitimately read, so not all must fail.
        int rejected = outcomes.GetValueOrDefault(nameof(InvalidDataException));
        Assert.True(rejected >= Iterations / 3, $"only {rejected} of {Iterations} mutated files were rejected as invalid");
    }

    private static string Attempt(byte[] bytes, string name, string context)
    {
        Task<Exception?> read = Task.Run(() =>
        {
            try
            {
                using ParquetFileReader reader = ParquetFileReader.Open(new MemoryStream(bytes), name);
                var rows = new ParquetRowReader(reader, [.. reader.Schema.Fields.Where(f => f.Unsupported is null).Select(f => f.Name)]);
                foreach (IReadOnlyDictionary<string, object?> row in rows.ReadAll()) _ = row.Count;
                foreach (var field in reader.Schema.Fields.Where(f => f.Name.Length > 0))
                {
                    foreach (RowGroupInfo group in reader.RowGroups) ParquetPredicate.GreaterThan(field.Name, 0).MightMatch(group);
                }
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
        if (!read.Wait(Deadline)) throw new Xunit.Sdk.XunitException($"{context}: no result within {Deadline.TotalSeconds} s (hang?).");
        Exception? error = read.Result;
        if (error is null) return "read";
        if (error is not (InvalidDataException or NotSupportedException))
            throw new Xunit.Sdk.XunitException($"{context}: unexpected {error.GetType().Name}: {error}");
        if (!error.Message.Contains(name, StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"{context}: the message does not name the file: {error.Message}");
        if (error is InvalidDataException && !error.Message.Contains("byte offset", StringComparison.Ordinal))
            throw new Xunit.Sdk.XunitException($"{context}: the message gives no byte offset: {error.Message}");
        return error.GetType().Name;
    }

    private static (byte[], string) Mutate(byte[] seed, Random random)
    {
        byte[] bytes = (byte[])seed.Clone();
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        int footerStart = Math.Max(4, bytes.Length - 8 - footerLength);
        switch (random.Next(6))
        {
            case 0:
            {
                int flips = random.Next(1, 9);
                for (int i = 0; i < flips; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return (bytes, $"{flips} bit flips");
            }
            case 1:
            {
                // Flips inside the footer hit lengths, counts, offsets and types.
                int flips = random.Next(1, 4);
                for (int i = 0; i < flips; i++) bytes[random.Next(footerStart, bytes.Length - 8)] ^= (byte)(1 << random.Next(8));
                return (bytes, $"{flips} footer bit flips");
            }
            case 2:
            {
                int at = random.Next(4, bytes.Length - 8);
                int[] interesting = [0, -1, 1, int.MaxValue, int.MinValue, 0x7F, 0xFF, 0xFFFF, bytes.Length];
                int value = interesting[random.Next(interesting.Length)];
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at, Math.Min(4, bytes.Length - 8 - at)).ToArray().Length == 4 ? bytes.AsSpan(at) : bytes.AsSpan(at - 4), value);
                return (bytes, $"int {value} written at {at}");
            }
            case 3:
            {
                // Varint-heavy metadata: overwrite one footer byte with a continuation or large value.
                int at = random.Next(footerStart, bytes.Length - 8);
                bytes[at] = (byte)random.Next(0x80, 0x100);
                return (bytes, $"footer byte {at} set high");
            }
            case 4:
            {
                int length = random.Next(0, bytes.Length);
                return (bytes[..length], $"truncated to {length}");
            }
            default:
            {
                // Keep the footer but cut or shift data before it: offsets then point at the wrong bytes.
                int cut = random.Next(1, Math.Max(2, footerStart - 4));
                int at = random.Next(4, Math.Max(5, footerStart - cut));
                byte[] shorter = [.. bytes[..at], .. bytes[(at + cut)..]];
                return (shorter, $"removed {cut} bytes at {at}");
            }
        }
    }

    private static List<(string, byte[])> Seeds()
    {
        var seeds = new List<(string, byte[])>();
        foreach (string name in CorpusSeeds) seeds.Add((name, File.ReadAllBytes(Path.Combine(TestPaths.ParquetTesting, "data", name))));
        foreach (ParquetCompression compression in Enum.GetValues<ParquetCompression>())
        {
            seeds.Add(($"ours-{compression}.parquet", Write(Sample(60), new ParquetWriteOptions { Compression = compression, PageSize = 256 })));
        }
        return seeds;
    }
}
