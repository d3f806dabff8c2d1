using MiniSpark.Shuffle;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Shuffle;

/// <summary>Shuffles over data several times the memory budget: they complete, spill, and leave no files behind.</summary>
public sealed class SpillTests
{
    private static SparkContext Small(string name, string budget = "2m", string master = "local[2]") =>
        new(new SparkConf().SetMaster(master).SetAppName(name).Set("spark.memory.maxBytes", budget));

    private static (long Memory, long Disk) Spilled(RecordingListener recorder) =>
        (recorder.Of<SparkListenerTaskEnd>().Sum(e => e.Metrics.MemoryBytesSpilled),
         recorder.Of<SparkListenerTaskEnd>().Sum(e => e.Metrics.DiskBytesSpilled));

    [Fact]
    public void ReduceByKey_OverFiveTimesTheBudget_CompletesAndSpills()
    {
        using var sc = Small("spill-reduce");
        var recorder = RecordingListener.On(sc);
        // 200k distinct keys of ~30 chars: ~15 MB of combiners against a 2 MB budget.
        Rdd<(string Key, long Value)> pairs = sc.Range(0, 400_000, 1, 4).Map(i => ($"key-{i % 200_000:D12}-{i % 7}", i));
        var result = pairs.ReduceByKey((a, b) => a + b, 3).Collect();
        var expected = Enumerable.Range(0, 400_000).GroupBy(i => $"key-{i % 200_000:D12}-{i % 7}").ToDictionary(g => g.Key, g => g.Sum(i => (long)i));
        Assert.Equal(expected.Count, result.Length);
        Assert.All(result, r => Assert.Equal(expected[r.Key], r.Value));
        sc.FlushEvents();
        (long memory, long disk) = Spilled(recorder);
        Assert.True(memory > 0 && disk > 0, $"spilled memory {memory}, disk {disk}");
        Assert.True(sc.Memory.ExecutionUsed == 0, "execution memory is returned when tasks end");
    }

    [Fact]
    public void GroupByKey_WithHugeGroups_UnderSmallBudget()
    {
        using var sc = Small("spill-group");
        var recorder = RecordingListener.On(sc);
        Rdd<(int Key, string Value)> pairs = sc.Range(0, 300_000, 1, 4).Map(i => ((int)(i % 3), $"value-{i:D10}"));
        var groups = pairs.GroupByKey(2).Collect();
        Assert.Equal(3, groups.Length);
        Assert.All(groups, g => Assert.Equal(100_000, g.Values.Count));
        Assert.Equal(300_000, groups.SelectMany(g => g.Values).Distinct().Count());
        sc.FlushEvents();
        Assert.True(Spilled(recorder).Disk > 0);
    }

    [Fact]
    public void SortByKey_UnderSmallBudget_IsATotalOrder()
    {
        using var sc = Small("spill-sort");
        var recorder = RecordingListener.On(sc);
        var random = new Random(5);
        (string Key, int Value)[] data = [.. Enumerable.Range(0, 200_000).Select(i => ($"k{random.Next(1_000_000):D8}", i))];
        var sorted = sc.Parallelize(data, 4).SortByKey(numPartitions: 2).Collect();
        Assert.Equal(data.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value).Select(p => p.Key),
            sorted.Select(p => p.Key));
        sc.FlushEvents();
        Assert.True(Spilled(recorder).Disk > 0);
    }

    [Fact]
    public void PartitionBy_WithoutCombining_SpillsBuckets()
    {
        using var sc = Small("spill-partition", "1m");
        var recorder = RecordingListener.On(sc);
        Rdd<(long Key, string Value)> pairs = sc.Range(0, 200_000, 1, 2).Map(i => (i, $"payload-{i:D12}"));
        var placed = pairs.PartitionBy(new HashPartitioner(3));
        Assert.Equal(200_000, placed.Count());
        TestData.AssertPlacedByPartitioner(placed);
        sc.FlushEvents();
        Assert.True(Spilled(recorder).Disk > 0);
    }

    [Fact]
    public void FullDiskDuringSpill_FailsTheTaskNamingThePath_AndLeavesNoFiles()
    {
        // One slot: when the job fails, no other task is still writing.
        using var sc = Small("spill-full-disk", "1m", "local[1]");
        string localDirectory = sc.LocalDirectoryPath;
        SpillFile.StreamInterceptor = (stream, path) =>
            path.StartsWith(localDirectory, StringComparison.Ordinal) ? new FullDiskStream(stream, 64 * 1024) : stream;
        try
        {
            IOException io = FailReduceOnFullDisk(sc);
            Assert.Contains(localDirectory, io.Message);
            Assert.Contains(".spill", io.Message);
        }
        finally
        {
            SpillFile.StreamInterceptor = null;
        }
        // Complete outputs of tasks that succeeded stay until their shuffle is unreachable; partial files never stay.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        sc.Cleaner.Sweep();
        Assert.Empty(Directory.EnumerateFiles(localDirectory, "*.spill", SearchOption.AllDirectories));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IOException FailReduceOnFullDisk(SparkContext sc)
    {
        Rdd<(string Key, long Value)> pairs = sc.Range(0, 300_000, 1, 2).Map(i => ($"key-{i:D12}", i));
        var error = Assert.Throws<SparkJobException>(() => pairs.ReduceByKey((a, b) => a + b).Count());
        return Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    /// <summary>Accepts <c>capacity</c> bytes, then fails like a full disk.</summary>
    private sealed class FullDiskStream(Stream inner, long capacity) : Stream
    {
        private long _written;

        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written + buffer.Length > capacity) throw new IOException("No space left on device");
            _written += buffer.Length;
            inner.Write(buffer);
        }
    }
}
