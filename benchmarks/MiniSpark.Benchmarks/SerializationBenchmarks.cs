using BenchmarkDotNet.Attributes;
using MiniSpark.Serialization;

namespace MiniSpark.Benchmarks;

/// <summary>The round trip a serialized cached block makes (the record stream format the block manager uses for
/// <c>MemoryOnlySerialized</c> and disk levels): write a block to bytes, read it back. One core.
/// MB/s = payload bytes (printed at setup) / mean time.</summary>
public class SerializationBenchmarks
{
    private int[][] _arrays = [];
    private (int, string)[] _tuples = [];
    private readonly MemoryStream _buffer = new(capacity: 128 << 20);

    [GlobalSetup]
    public void Setup()
    {
        _arrays = [.. Enumerable.Range(0, 16).Select(b => Enumerable.Range(b, 256 * 1024).ToArray())];
        _tuples = [.. Enumerable.Range(0, 1_000_000).Select(i => (i, $"name-{i:D7}"))];
        Console.WriteLine($"// Payload: int[] blocks {RoundTrip(_arrays) / (1 << 20)} MB, tuples {RoundTrip(_tuples) / (1 << 20)} MB serialized");
    }

    private long RoundTrip<T>(T[] block)
    {
        _buffer.SetLength(0);
        Serializer.WriteAll(_buffer, block);
        long bytes = _buffer.Length;
        _buffer.Position = 0;
        long count = 0;
        foreach (T _ in Serializer.ReadAll<T>(_buffer)) count++;
        return count == block.Length ? bytes : throw new InvalidOperationException("lost records");
    }

    [Benchmark(Description = "int[] blocks (16 x 1 MB): write + read")]
    public long PrimitiveArrays() => RoundTrip(_arrays);

    [Benchmark(Description = "(int, string) tuples (1M): write + read")]
    public long Tuples() => RoundTrip(_tuples);
}
