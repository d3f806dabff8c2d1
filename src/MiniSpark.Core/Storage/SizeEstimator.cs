using System.Runtime.CompilerServices;

namespace MiniSpark.Storage;

/// <summary>Estimates how many bytes an object graph holds on the 64-bit CLR heap, for the memory budget.</summary>
/// <remarks>
/// <para>Layout model (CoreCLR, 64-bit): every object has an 8-byte header and an 8-byte method-table pointer, its
/// fields follow aligned to their size, the total is rounded up to 8 and is at least 24 bytes. A string is
/// 20 bytes + 2 per char + a 2-byte terminator, rounded to 8. An array is 24 bytes (header, method table, length)
/// plus its elements (8 per reference, the struct size per value), rounded to 8. These match the runtime exactly for
/// strings and arrays and closely for other objects (field packing is approximated). Struct sizes come from
/// <see cref="Unsafe.SizeOf{T}"/>.</para>
/// <para>The walk follows every reference field, public or not, with a layout computed once per type (field
/// accessors compiled with expression trees, no reflection per object). Each object is counted once per call, so
/// shared references and cycles are fine. Arrays of more than <see cref="SamplingThreshold"/> elements holding
/// references are sampled like Spark's SizeEstimator: two deterministic samples of <see cref="SampleSize"/> elements
/// (fixed seed) are measured and extrapolated. Reflection objects (types, members, assemblies) count their own size
/// but are not walked into: they belong to the runtime, not to the data.</para>
/// </remarks>
internal static class SizeEstimator
{
    /// <summary>Arrays (and sequences) longer than this are sampled.</summary>
    public const int SamplingThreshold = 400;

    /// <summary>Elements per sample; two samples are drawn.</summary>
    public const int SampleSize = 100;

    private const int Seed = 42;

    /// <summary>Bytes held by <paramref name="value"/> and everything it references; a boxed value counts its box.</summary>
    public static long Estimate(object? value)
    {
        if (value is null) return 0;
        if (value is string text) return StringSize(text.Length);
        var traversal = new SizeTraversal(NewVisitedSet());
        traversal.Enqueue(value);
        return traversal.Drain();
    }

    /// <summary>Bytes held by <paramref name="value"/>: for a value type its own size (as stored in an array or a
    /// field, without a box) plus what it references; for a reference type the same as <see cref="Estimate(object?)"/>.</summary>
    public static long Estimate<T>(T value)
    {
        if (!typeof(T).IsValueType) return Estimate((object?)value);
        long size = Unsafe.SizeOf<T>();
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return size;
        var traversal = new SizeTraversal(NewVisitedSet());
        StructWalker<T>.Walk(value, traversal);
        return size + traversal.Drain();
    }

    /// <summary>Bytes held by a block of records as if stored in a <c>T[]</c>: the array plus everything its items
    /// reference. Blocks longer than <see cref="SamplingThreshold"/> are sampled (deterministically).</summary>
    public static long EstimateSequence<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int count = items.Count;
        long size = ArraySize(typeof(T).IsValueType ? Unsafe.SizeOf<T>() : IntPtr.Size, count);
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>() || count == 0) return size;
        var visited = NewVisitedSet();
        if (count <= SamplingThreshold)
        {
            var traversal = new SizeTraversal(visited);
            for (int i = 0; i < count; i++) Enqueue(items[i], traversal);
            return size + traversal.Drain();
        }
        return size + Sample(count, visited, (index, traversal) => Enqueue(items[index], traversal));
    }

    /// <summary>Size of a string of <paramref name="length"/> chars.</summary>
    public static long StringSize(int length) => Align(20 + 2L * length + 2);

    /// <summary>Size of a one-dimensional array of <paramref name="length"/> elements of <paramref name="elementSize"/> bytes.</summary>
    public static long ArraySize(int elementSize, long length) => Align(24 + elementSize * length);

    internal static long Align(long size) => (size + 7) & ~7L;

    /// <summary>Spark's scheme: two samples of <see cref="SampleSize"/> distinct indices; the larger is kept as
    /// measured, the smaller extrapolated to the rest (the larger sample may have hit shared data first).</summary>
    internal static long Sample(int length, HashSet<object> visited, Action<int, SizeTraversal> enqueueElement)
    {
        var random = new Random(Seed);
        var drawn = new HashSet<int>();
        long first = SampleOnce(length, visited, enqueueElement, random, drawn);
        long second = SampleOnce(length, visited, enqueueElement, random, drawn);
        long low = Math.Min(first, second), high = Math.Max(first, second);
        return high + (long)(low * ((length - 2.0 * SampleSize) / SampleSize));
    }

    private static long SampleOnce(int length, HashSet<object> visited, Action<int, SizeTraversal> enqueueElement,
        Random random, HashSet<int> drawn)
    {
        long size = 0;
        for (int i = 0; i < SampleSize; i++)
        {
            int index;
            do index = random.Next(length);
            while (!drawn.Add(index));
            var traversal = new SizeTraversal(visited);
            enqueueElement(index, traversal);
            size += traversal.Drain();
        }
        return size;
    }

    private static void Enqueue<T>(T item, SizeTraversal traversal)
    {
        if (typeof(T).IsValueType) StructWalker<T>.Walk(item, traversal);
        else traversal.Enqueue(item);
    }

    private static HashSet<object> NewVisitedSet() => new(ReferenceEqualityComparer.Instance);
}
