using MiniSpark.Tests.Fakes;

namespace MiniSpark.Tests.Scheduling;

/// <summary>Cancellation through tokens, job groups and CancelAllJobs, driven by a gate the task waits on (no sleeps).</summary>
public sealed class CancellationTests
{
    /// <summary>A dataset whose tasks signal <paramref name="started"/>, then spin until cancelled, observing the task's token.</summary>
    private static Rdd<int> Blocking(SparkContext sc, CountdownEvent started) =>
        sc.Parallelize(Enumerable.Range(0, 4), 2).MapPartitions(records => Spin(records, started));

    private static IEnumerable<int> Spin(IEnumerable<int> records, CountdownEvent started)
    {
        started.Signal();
        TaskContext.Current!.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(60));
        TaskContext.Current!.CancellationToken.ThrowIfCancellationRequested();
        return records;
    }

    [Fact]
    public async Task Token_CancelsRunningJob_AndContextStaysUsable()
    {
        using var sc = new SparkContext("local[2]", "cancel-token");
        using var started = new CountdownEvent(2);
        using var cts = new CancellationTokenSource();
        Task<int[]> job = Blocking(sc, started).CollectAsync(cts.Token);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.True(job.IsCanceled);
        Assert.Equal(10, sc.Parallelize(Enumerable.Range(0, 5), 2).Reduce((a, b) => a + b));
    }

    [Fact]
    public async Task AlreadyCancelledToken_ThrowsWithoutRunning()
    {
        using var sc = new SparkContext("local[2]", "cancel-before");
        var recorder = RecordingListener.On(sc);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sc.Parallelize([1, 2, 3]).CountAsync(new CancellationToken(canceled: true)));
        sc.FlushEvents();
        Assert.Empty(recorder.Of<SparkListenerTaskStart>());
    }

    [Fact]
    public async Task CancelJobGroup_CancelsJobsOfThatGroupOnly()
    {
        using var sc = new SparkContext("local[2]", "cancel-group");
        using var started = new CountdownEvent(2);
        Task<int[]> grouped = Task.Run(() =>
        {
            sc.SetJobGroup("etl", "nightly load");
            return Blocking(sc, started).CollectAsync();
        });
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        sc.CancelJobGroup("other");
        Assert.False(grouped.IsCompleted);
        sc.CancelJobGroup("etl");
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grouped);
        Assert.Contains("etl", error.Message);
        Assert.Equal(3, sc.Parallelize([1, 2, 3]).Count());
    }

    [Fact]
    public async Task CancelAllJobs_CancelsEveryRunningJob()
    {
        using var sc = new SparkContext("local[4]", "cancel-all");
        using var started = new CountdownEvent(4);
        Task<int[]> one = Blocking(sc, started).CollectAsync();
        Task<int[]> two = Blocking(sc, started).CollectAsync();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        sc.CancelAllJobs();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => one);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => two);
    }

    [Fact]
    public async Task BlockingAction_ThrowsOperationCanceled_WhenGroupCancelled()
    {
        using var sc = new SparkContext("local[2]", "cancel-sync");
        using var started = new CountdownEvent(2);
        var canceller = Task.Run(() =>
        {
            Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
            sc.CancelJobGroup("sync");
        });
        sc.SetJobGroup("sync", "blocking collect");
        Assert.ThrowsAny<OperationCanceledException>(() => Blocking(sc, started).Collect());
        sc.ClearJobGroup();
        await canceller.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Stop_FailsRunningJobs_AndLaterCallsThrow()
    {
        var sc = new SparkContext("local[2]", "stop-running");
        using var started = new CountdownEvent(2);
        Task<int[]> job = Blocking(sc, started).CollectAsync();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        sc.Stop();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.Throws<ObjectDisposedException>(() => sc.Parallelize([1]));
        sc.Stop(); // idempotent
        sc.Dispose();
    }

    [Fact]
    public async Task LongRunningLoop_StopsPromptly_BetweenRecords()
    {
        using var sc = new SparkContext("local[2]", "cancel-records");
        using var cts = new CancellationTokenSource();
        using var started = new CountdownEvent(1);
        // A source of a billion records: only the between-record checks can stop it.
        Task<long> job = sc.Range(0, 1_000_000_000, 1, 1).Map(x =>
        {
            if (x == 0) started.Signal();
            return x;
        }).CountAsync(cts.Token);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
    }
}
