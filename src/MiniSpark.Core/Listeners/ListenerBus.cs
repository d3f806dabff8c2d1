using System.Threading.Channels;
using MiniSpark.Internal;

namespace MiniSpark.Listeners;

/// <summary>Delivers events to listeners in order on one dedicated thread, so posting never blocks the scheduler.</summary>
/// <remarks>The queue is unbounded: events are small and a job's count of them is bounded by its tasks.</remarks>
internal sealed class ListenerBus : IDisposable
{
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private volatile ISparkListener[] _listeners = [];
    private readonly Lock _listenersLock = new();
    private readonly Thread _dispatcher;
    private int _stopped;

    public ListenerBus()
    {
        _dispatcher = new Thread(Dispatch) { IsBackground = true, Name = "MiniSpark listener bus" };
        _dispatcher.Start();
    }

    public void AddListener(ISparkListener listener)
    {
        lock (_listenersLock) _listeners = [.. _listeners, listener];
    }

    public void RemoveListener(ISparkListener listener)
    {
        lock (_listenersLock) _listeners = [.. _listeners.Where(l => !ReferenceEquals(l, listener))];
    }

    public bool HasListeners => _listeners.Length > 0;

    public void Post(SparkListenerEvent e)
    {
        // Without listeners there is no one to tell; skipping keeps jobs free of event cost.
        if (_listeners.Length > 0) _queue.Writer.TryWrite(e);
    }

    /// <summary>Waits until every event posted before this call has been delivered.</summary>
    public bool WaitUntilEmpty(TimeSpan timeout)
    {
        var flushed = new ManualResetEventSlim();
        if (!_queue.Writer.TryWrite(flushed)) return true; // stopped: everything was delivered
        return flushed.Wait(timeout);
    }

    private void Dispatch()
    {
        ChannelReader<object> reader = _queue.Reader;
        while (WaitToRead(reader))
        {
            while (reader.TryRead(out object? item))
            {
                if (item is ManualResetEventSlim flushed)
                {
                    flushed.Set();
                    continue;
                }
                var e = (SparkListenerEvent)item;
                foreach (ISparkListener listener in _listeners)
                {
                    try { e.Dispatch(listener); }
                    catch (Exception error)
                    {
                        Log.Warning($"Listener {listener.GetType().FullName} threw on {e.GetType().Name} and was skipped: {error}");
                    }
                }
            }
        }
    }

    private static bool WaitToRead(ChannelReader<object> reader)
    {
        ValueTask<bool> wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Delivers what is queued, then stops the dispatcher.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        _queue.Writer.TryComplete();
        if (Thread.CurrentThread != _dispatcher) _dispatcher.Join(TimeSpan.FromSeconds(10));
    }
}
