using MiniSpark.Output;
using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Output;

// The commit protocol under the scheduler: retries, failed and cancelled jobs, overwrite.
public sealed class SaveJobTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string[] PartFiles(int count) => [.. Enumerable.Range(0, count).Select(p => $"part-{p:D5}")];

    [Fact]
    public void TaskFailingHalfwayOnItsFirstAttempt_IsRetried_OutputHasEveryRecordOnce()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2,3]", "test"); // 3 attempts per task
        int faults = 0;
        int[] data = [.. Enumerable.Range(0, 400)];

        sc.Parallelize(data, 4)
            .Map(x =>
            {
                // Partition 1 holds 100..199: its first attempt dies after writing 50 records.
                if (x == 150 && TaskContext.Current!.AttemptNumber == 0)
                {
                    Interlocked.Increment(ref faults);
                    throw new InvalidOperationException("injected");
                }
                return x;
            })
            .SaveAsTextFile(output);

        Assert.Equal(1, faults);
        Assert.Equal([.. PartFiles(4), "_SUCCESS"], TempDirectory.Tree(output).OrderBy(n => n[0] == '_').ThenBy(n => n, StringComparer.Ordinal));
        Assert.Equal(data.Select(x => x.ToString()), sc.TextFile(output).Collect());
    }

    [Fact]
    public void FailedJob_PublishesNothing_AndRemovesTheDirectoryItCreated()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        SparkJobException error = Assert.Throws<SparkJobException>(() => sc.Parallelize(Enumerable.Range(0, 100), 4)
            .Map(x => x == 60 ? throw new InvalidOperationException("boom") : x)
            .SaveAsTextFile(output));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
        // The path can be written again.
        sc.Parallelize([1, 2], 1).SaveAsTextFile(output);
        Assert.Equal(["1", "2"], sc.TextFile(output).Collect());
    }

    [Fact]
    public void FailedOverwrite_KeepsTheOldOutput()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");
        sc.Parallelize(["old"], 1).SaveAsTextFile(output);
        string[] before = TempDirectory.Tree(output);

        Assert.Throws<SparkJobException>(() => sc.Parallelize(Enumerable.Range(0, 10), 3)
            .Map(x => x == 9 ? throw new InvalidOperationException("boom") : x)
            .SaveAsTextFile(output, SaveMode.Overwrite));

        Assert.Equal(before, TempDirectory.Tree(output));
        Assert.Equal(["old"], sc.TextFile(output).Collect());
    }

    [Fact]
    public async Task CancelledJob_PublishesNothing_AndTheContextStaysUsable()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");
        using var started = new SemaphoreSlim(0);
        using var cancellation = new CancellationTokenSource();

        Task save = sc.Parallelize(Enumerable.Range(0, 4), 2)
            .MapPartitions(records => Block(records, started))
            .SaveAsTextFileAsync(output, SaveMode.ErrorIfExists, cancellation.Token);
        await started.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);
        Assert.False(Directory.Exists(output));
        Assert.Equal(4, sc.Parallelize(Enumerable.Range(0, 4), 2).Count());

        // Writes one record, then waits for the job to be cancelled.
        static IEnumerable<int> Block(IEnumerable<int> records, SemaphoreSlim started)
        {
            foreach (int record in records)
            {
                yield return record;
                started.Release();
                TaskContext.Current!.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                TaskContext.Current!.CancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    [Fact]
    public async Task CancelledBeforeStart_CreatesNothing()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            sc.Parallelize([1], 1).SaveAsTextFileAsync(output, cancellationToken: new CancellationToken(canceled: true)));

        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ErrorIfExists_FailsBeforeAnyTaskRuns()
    {
        string output = _temp.Write("out/keep", "x");
        using var sc = new SparkContext("local[2]", "test");
        int computed = 0;

        IOException error = Assert.Throws<IOException>(() =>
            sc.Parallelize([1, 2, 3], 3).Map(x => Interlocked.Increment(ref computed)).SaveAsTextFile(_temp.At("out")));

        Assert.Contains(_temp.At("out"), error.Message);
        Assert.Contains("SaveMode.Overwrite", error.Message);
        Assert.Equal(0, computed);
        Assert.Equal(["keep"], TempDirectory.Tree(_temp.At("out")));
    }

    [Fact]
    public void Overwrite_OldOutputStaysReadableWhileTheJobRuns_AndTheInputMayBeTheOutput()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");
        sc.Parallelize(Enumerable.Range(0, 50), 3).SaveAsTextFile(output);

        // Read the directory and overwrite it in one job: the old files are read by the tasks that write the new ones.
        Rdd<string> doubled = sc.TextFile(output).Map(line => (int.Parse(line) * 2).ToString());
        string oldFirstPart = File.ReadAllText(Path.Combine(output, "part-00000"));
        doubled.Map(line =>
        {
            Assert.Equal(oldFirstPart, File.ReadAllText(Path.Combine(output, "part-00000")));
            return line;
        }).SaveAsTextFile(output, SaveMode.Overwrite);

        Assert.Equal(Enumerable.Range(0, 50).Select(x => (x * 2).ToString()), sc.TextFile(output).Collect());
        Assert.DoesNotContain(TempDirectory.Tree(output), n => n.StartsWith("_temporary", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoOverwriteRuns_ProduceByteIdenticalOutput()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[4]", "test");
        Rdd<int> data = sc.Parallelize(Enumerable.Range(0, 1000), 7);

        data.SaveAsTextFile(output, SaveMode.Overwrite);
        Dictionary<string, byte[]> first = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        data.SaveAsTextFile(output, SaveMode.Overwrite);
        Dictionary<string, byte[]> second = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach ((string name, byte[] bytes) in first) Assert.Equal(bytes, second[name]);
    }

    [Fact]
    public async Task TaskCommitRenameFailsOnce_TheTaskIsRetried_AndTheSaveSucceeds()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2,2]", "test");
        var fileSystem = new FaultyFileSystem()
            .FailOn(nameof(IOutputFileSystem.MoveDirectory), p => Path.GetFileName(p).Contains("-00001-", StringComparison.Ordinal));

        await FileOutput.SaveAsync(sc.Parallelize(Enumerable.Range(0, 30), 3), output, SaveMode.ErrorIfExists,
            TextPartitionWriter<int>.Instance, "test", sync: false, CancellationToken.None, fileSystem);

        Assert.Equal(1, fileSystem.FaultsInjected);
        Assert.Equal(Enumerable.Range(0, 30).Select(x => x.ToString()), sc.TextFile(output).Collect());
        Assert.Equal([.. PartFiles(3), "_SUCCESS"], TempDirectory.Tree(output).OrderBy(n => n[0] == '_').ThenBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task JobCommitFails_TheSaveThrows_AndNothingIsPublished()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[2]", "test");
        var fileSystem = new FaultyFileSystem().FailOn(nameof(IOutputFileSystem.CreateFile), p => Path.GetFileName(p) == "_SUCCESS");

        await Assert.ThrowsAsync<IOException>(() => FileOutput.SaveAsync(sc.Parallelize(Enumerable.Range(0, 30), 3), output,
            SaveMode.ErrorIfExists, TextPartitionWriter<int>.Instance, "test", sync: false, CancellationToken.None, fileSystem).AsTask());

        Assert.Equal(1, fileSystem.FaultsInjected);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ManyPartitions_OnePartFilePerPartition_NamedByIndex()
    {
        string output = _temp.At("out");
        using var sc = new SparkContext("local[4]", "test");

        sc.Parallelize(Enumerable.Range(0, 3000), 120).SaveAsTextFile(output);

        Assert.Equal([.. PartFiles(120), "_SUCCESS"], TempDirectory.Tree(output).OrderBy(n => n[0] == '_').ThenBy(n => n, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, 3000).Select(x => x.ToString()), sc.TextFile(output).Collect());
    }

    [Fact]
    public void RecordsWrittenMetric_CountsCommittedRecords()
    {
        using var sc = new SparkContext("local[2]", "test");
        var listener = new TaskEndListener();
        sc.AddListener(listener);

        sc.Parallelize(Enumerable.Range(0, 10), 2).SaveAsTextFile(_temp.At("out"));
        sc.Stop(); // drains the listener bus

        Assert.Equal(10, listener.RecordsWritten);
    }

    private sealed class TaskEndListener : ISparkListener
    {
        private long _recordsWritten;

        public long RecordsWritten => Interlocked.Read(ref _recordsWritten);

        public void OnTaskEnd(SparkListenerTaskEnd taskEnd) => Interlocked.Add(ref _recordsWritten, taskEnd.Metrics.RecordsWritten);
    }
}
