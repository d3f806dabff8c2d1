namespace MiniSpark;

/// <summary>A read-only value shared by every task, created with <see cref="SparkContext.Broadcast{T}"/>.</summary>
/// <remarks>
/// In one process every task reads the same instance (nothing is copied or shipped), so the value must not be
/// mutated while jobs use it. <see cref="Unpersist"/> has nothing to free in-process and keeps the value usable;
/// <see cref="Destroy"/> releases it for good.
/// </remarks>
public sealed class Broadcast<T>
{
    private T? _value;
    private volatile bool _destroyed;

    internal Broadcast(long id, T value)
    {
        Id = id;
        _value = value;
    }

    /// <summary>Id within its context.</summary>
    public long Id { get; }

    /// <summary>The shared value.</summary>
    /// <exception cref="InvalidOperationException">The broadcast was destroyed.</exception>
    public T Value => _destroyed
        ? throw new InvalidOperationException($"Broadcast {Id} was destroyed and can no longer be used.")
        : _value!;

    /// <summary>Whether <see cref="Destroy"/> was called.</summary>
    public bool IsDestroyed => _destroyed;

    /// <summary>Spark deletes executors' cached copies; in-process there are none, so the value stays usable.</summary>
    public void Unpersist()
    {
        if (_destroyed) throw new InvalidOperationException($"Broadcast {Id} was destroyed and can no longer be used.");
    }

    /// <summary>Releases the value; every later use throws. Idempotent.</summary>
    public void Destroy()
    {
        _destroyed = true;
        _value = default;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Broadcast({Id})";
}
