using System.Buffers.Binary;
using MiniSpark.Formats.Arrow.Columns;
using MiniSpark.Formats.Arrow.Ipc;
using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Formats.Arrow.Metadata;

namespace MiniSpark.Tests.Arrow;

/// <summary>Mutates valid files and streams: a read either succeeds or fails with the codec's own errors.</summary>
/// <remarks>
/// Accepted failures: <see cref="InvalidDataException"/> naming the input and a byte offset, or
/// <see cref="NotSupportedException"/> naming the input (a mutation can produce a valid but unsupported feature).
/// Anything else (index errors, overflow, out of memory) or a read that does not finish in time fails the test.
/// </remarks>
public class ArrowFuzzTests
{
    private const int Iterations = 2000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static byte[] Write(ArrowIpcFormat format)
    {
        var output = new MemoryStream();
        using (var writer = new ArrowRecordWriter<ArrowSample>(output, new ArrowWriteOptions { BatchSize = 16, Format = format }, leaveOpen: true))
        {
            writer.WriteAll(ArrowSample.Create(40));
        }
        return output.ToArray();
    }

    [Fact]
    public async Task MutatedInputs_FailOnlyWithCodecErrors()
    {
        byte[][] originals = [Write(ArrowIpcFormat.File), Write(ArrowIpcFormat.Stream), DictionaryStream()];
        var random = new Random(20260101);
        int failures = 0;
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            byte[] original = originals[iteration % originals.Length];
            byte[] mutated = Mutate(original, random);
            string name = $"fuzz-{iteration}.arrow";
            bool typed = original != originals[2];
            Task read = Task.Run(() => ReadEverything(mutated, name, typed));
            if (await Task.WhenAny(read, Task.Delay(Timeout)) != read) Assert.Fail($"Iteration {iteration}: the read did not finish within {Timeout}.");
            if (read.Exception?.InnerException is not Exception error) continue;
            failures++;
            bool accepted = error switch
            {
                InvalidDataException => error.Message.Contains(name, StringComparison.Ordinal) && error.Message.Contains("byte offset", StringComparison.Ordinal),
                NotSupportedException => error.Message.Contains(name, StringComparison.Ordinal),
                _ => false,
            };
            if (!accepted) Assert.Fail($"Iteration {iteration}: unexpected {error.GetType().Name}: {error}");
        }
        Assert.InRange(failures, Iterations / 4, Iterations); // the mutations do break most inputs
    }

    private static byte[] DictionaryStream()
    {
        var color = new ArrowField("color", ArrowType.Utf8, true, new ArrowDictionaryEncoding(1, ArrowType.Int32, false));
        var index = new ArrowField("color", ArrowType.Int32, true);
        ArrowField[] values = [new("color", ArrowType.Utf8, true)];
        return new ArrowFraming()
            .Schema(new ArrowSchema([color]))
            .Batch(values, [new ArrowColumn<string>(["red", "green", "blue"], null, 3)], dictionaryId: 1)
            .Batch([index], [new ArrowColumn<int>([0, 1, 2, 1, 0], [0b10111], 5)])
            .Batch(values, [new ArrowColumn<string>(["cyan"], null, 1)], dictionaryId: 1, isDelta: true)
            .Batch([index], [new ArrowColumn<int>([3, 2], null, 2)])
            .End();
    }

    private static void ReadEverything(byte[] bytes, string name, bool typed)
    {
        using (ArrowReader reader = ArrowReader.Create(new MemoryStream(bytes), name))
        {
            foreach (IReadOnlyDictionary<string, object?> row in ArrowRows.Read(reader)) _ = row.Count;
        }
        if (!typed) return;
        using (var reader = new ArrowRecordReader<ArrowSample>(ArrowReader.Create(new MemoryStream(bytes), name), ownsReader: true))
        {
            foreach (ArrowSample sample in reader.ReadAll()) _ = sample.Id;
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations && bytes.Length > 8; m++)
        {
            switch (random.Next(6))
            {
                case 0: // bit flips
                    for (int flips = random.Next(1, 5); flips > 0; flips--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // truncation
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 2: // an int32 (lengths, offsets, counts, vtable entries) set to an interesting value
                    WriteInt32(bytes, random.Next(bytes.Length - 3) & ~3, Interesting32(random, bytes.Length));
                    break;
                case 3: // an int64 (body lengths, buffer offsets and lengths, row counts)
                    WriteInt64(bytes, random.Next(bytes.Length - 7) & ~7, Interesting64(random, bytes.Length));
                    break;
                case 4: // the length after a continuation marker, or the file footer length
                    int[] markers = FindMarkers(bytes);
                    int at = markers.Length > 0 && random.Next(3) > 0 ? markers[random.Next(markers.Length)] + 4 : bytes.Length - 10;
                    if (at >= 0 && at + 4 <= bytes.Length) WriteInt32(bytes, at, Interesting32(random, bytes.Length));
                    break;
                default: // a random byte
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
            }
        }
        return bytes;
    }

    private static int Interesting32(Random random, int length) => random.Next(9) switch
    {
        0 => 0,
        1 => -1,
        2 => int.MaxValue,
        3 => int.MinValue,
        4 => length,
        5 => length + random.Next(-16, 16),
        6 => random.Next(1, 64),
        7 => 1 << random.Next(31),
        _ => random.Next(),
    };

    private static long Interesting64(Random random, int length) => random.Next(7) switch
    {
        0 => 0,
        1 => -1,
        2 => long.MaxValue,
        3 => long.MinValue,
        4 => 1L << random.Next(63),
        5 => length + random.Next(-16, 16),
        _ => random.NextInt64(),
    };

    private static int[] FindMarkers(byte[] bytes)
    {
        var markers = new List<int>();
        for (int i = 0; i + 8 <= bytes.Length; i += 8)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i)) == -1) markers.Add(i);
        }
        return [.. markers];
    }

    private static void WriteInt32(byte[] bytes, int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), value);

    private static void WriteInt64(byte[] bytes, int at, long value) => BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), value);
}
