using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MiniSpark.Serialization;

/// <summary>Holds the current codec of one type; composite codecs keep slots, not codecs, so a registration made
/// later reaches every type that nests this one.</summary>
internal abstract class CodecSlot
{
    private static readonly ConcurrentDictionary<Type, CodecSlot> s_all = new();
    private static int s_generation;

    protected CodecSlot(Type type) => Type = type;

    public Type Type { get; }

    protected static int Generation => Volatile.Read(ref s_generation);

    /// <summary>The slot of <paramref name="type"/> (reflection once per type).</summary>
    public static CodecSlot For(Type type) =>
        s_all.TryGetValue(type, out CodecSlot? slot)
            ? slot
            : (CodecSlot)typeof(CodecSlot<>).MakeGenericType(type).GetField(nameof(CodecSlot<int>.Instance))!.GetValue(null)!;

    /// <summary>Forgets built codecs of matching types; they are rebuilt on next use.</summary>
    public static void ResetWhere(Func<Type, bool> predicate)
    {
        Interlocked.Increment(ref s_generation);
        foreach (CodecSlot slot in s_all.Values)
        {
            if (predicate(slot.Type)) slot.Reset();
        }
    }

    /// <summary>Builds the codec now if needed; throws <see cref="NotSupportedException"/> for unsupported types.</summary>
    public abstract void EnsureBuilt();

    protected abstract void Reset();

    protected static void Track(CodecSlot slot) => s_all.TryAdd(slot.Type, slot);
}

/// <summary>The slot of <typeparamref name="T"/>: built on first use, replaced by registration.</summary>
internal sealed class CodecSlot<T> : CodecSlot
{
    public static readonly CodecSlot<T> Instance = Create();

    private RecordCodec<T>? _codec;

    private CodecSlot() : base(typeof(T)) { }

    public RecordCodec<T> Codec
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _codec ?? Build();
    }

    public void Set(RecordCodec<T> codec) => Volatile.Write(ref _codec, codec);

    public override void EnsureBuilt() => _ = Codec;

    protected override void Reset() => Volatile.Write(ref _codec, null);

    private static CodecSlot<T> Create()
    {
        var slot = new CodecSlot<T>();
        Track(slot);
        return slot;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private RecordCodec<T> Build()
    {
        while (true)
        {
            int generation = Generation;
            RecordCodec<T> built = CodecFactory.Create<T>();
            RecordCodec<T>? current = Interlocked.CompareExchange(ref _codec, built, null);
            if (current is not null) return current; // registered or built by another thread meanwhile
            if (generation == Generation) return built;
            // A generic registration landed while building: this codec may predate it.
            Interlocked.CompareExchange(ref _codec, null, built);
        }
    }
}
