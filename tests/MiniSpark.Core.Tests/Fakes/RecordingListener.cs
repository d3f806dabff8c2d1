using System.Collections.Concurrent;

namespace MiniSpark.Tests.Fakes;

/// <summary>Records every listener event in arrival order.</summary>
internal sealed class RecordingListener : ISparkListener
{
    public ConcurrentQueue<SparkListenerEvent> Events { get; } = new();

    public IEnumerable<T> Of<T>() where T : SparkListenerEvent => Events.OfType<T>();

    public void OnJobStart(SparkListenerJobStart e) => Events.Enqueue(e);
    public void OnJobEnd(SparkListenerJobEnd e) => Events.Enqueue(e);
    public void OnStageSubmitted(SparkListenerStageSubmitted e) => Events.Enqueue(e);
    public void OnStageCompleted(SparkListenerStageCompleted e) => Events.Enqueue(e);
    public void OnTaskStart(SparkListenerTaskStart e) => Events.Enqueue(e);
    public void OnTaskEnd(SparkListenerTaskEnd e) => Events.Enqueue(e);

    /// <summary>Registers a new recorder on <paramref name="sc"/>.</summary>
    public static RecordingListener On(SparkContext sc)
    {
        var listener = new RecordingListener();
        sc.AddListener(listener);
        return listener;
    }
}

internal static class ContextTestExtensions
{
    /// <summary>Waits until every event posted so far reached the listeners.</summary>
    public static void FlushEvents(this SparkContext sc) =>
        Assert.True(sc.ListenerBus.WaitUntilEmpty(TimeSpan.FromSeconds(30)), "listener bus did not drain");
}

internal static class TaskAssert
{
    /// <summary>The result of a task the test already drove to completion (no blocking).</summary>
    public static T Done<T>(Task<T> task)
    {
        Assert.True(task.IsCompletedSuccessfully, $"task is {task.Status}");
        return task.GetAwaiter().GetResult();
    }
}
