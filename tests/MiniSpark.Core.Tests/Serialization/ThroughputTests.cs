using System.Diagnostics;
using MiniSpark.Serialization;
using Xunit.Abstractions;

namespace MiniSpark.Tests.Serialization;

/// <summary>Sanity throughput numbers, printed, never asserted (machines and build configurations vary).</summary>
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void PrimitiveArrayBlocks_Throughput()
    {
        var blocks = Enumerable.Range(0, 64).Select(b => Enumerable.Range(b, 16_384).ToArray()).ToList(); // 4 MB
        long bytes = blocks.Sum(b => b.Length * 4L);
        Measure("int[] blocks", bytes, blocks);
    }

    [Fact]
    public void IntStringTuples_Throughput()
    {
        var records = Enumerable.Range(0, 200_000).Select(i => (i, "value-" + i)).ToList();
        long bytes = records.Sum(r => 4L + r.Item2.Length * 2);
        Measure("(int, string) records", bytes, records);

        var stopwatch = Stopwatch.StartNew();
        byte[] serialized = Serializer.Serialize(records);
        double write = stopwatch.Elapsed.TotalSeconds;
        stopwatch.Restart();
        Assert.Equal(records.Count, Serializer.Deserialize<List<(int, string)>>(serialized).Count);
        output.WriteLine($"List<(int, string)> as one value: {serialized.Length / 1e6:F1} MB encoded, " +
            $"write {serialized.Length / 1e6 / write:F0} MB/s, read {serialized.Length / 1e6 / stopwatch.Elapsed.TotalSeconds:F0} MB/s");
    }

    private void Measure<T>(string name, long objectBytes, List<T> items)
    {
        var stream = new MemoryStream();
        Serializer.WriteAll(stream, items); // warm-up: builds codecs, JIT
        stream.Position = 0;
        _ = Serializer.ReadAll<T>(stream).Count();

        const int rounds = 3;
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
        {
            stream.SetLength(0);
            Serializer.WriteAll(stream, items);
        }
        double write = stopwatch.Elapsed.TotalSeconds / rounds;
        stopwatch.Restart();
        int count = 0;
        for (int i = 0; i < rounds; i++)
        {
            stream.Position = 0;
            count = Serializer.ReadAll<T>(stream).Count();
        }
        double read = stopwatch.Elapsed.TotalSeconds / rounds;
        Assert.Equal(items.Count, count);
        double encodedMb = stream.Length / 1e6;
        output.WriteLine($"{name}: {items.Count} records, {objectBytes / 1e6:F1} MB of data, {encodedMb:F1} MB encoded; " +
            $"write {encodedMb / write:F0} MB/s ({items.Count / write / 1e6:F2} M records/s), " +
            $"read {encodedMb / read:F0} MB/s ({items.Count / read / 1e6:F2} M records/s)");
    }
}
