namespace MiniSpark;

/// <summary>Turns values of <typeparamref name="T"/> into bytes and back, for disk-persisted blocks, shuffle spill
/// and checkpoints.</summary>
/// <remarks>
/// <para>MiniSpark builds a codec for most types by itself (primitives, strings, dates, enums, tuples, arrays, lists,
/// dictionaries, sets, records and classes by their public properties). Registering a codec with
/// <see cref="RecordCodecs.Register{T}(RecordCodec{T})"/> is an optimisation, or the way to store a type that cannot
/// be described by its public properties.</para>
/// <para>Contract for implementations:</para>
/// <list type="bullet">
/// <item><description>Instances are shared by all threads: keep them stateless (or thread-safe).</description></item>
/// <item><description>For a reference type the engine writes a null marker itself: <see cref="Write"/> never receives
/// null and <see cref="Read"/> is only called for non-null values. The codec also receives subclass instances: the
/// registered codec owns the whole hierarchy under <typeparamref name="T"/>.</description></item>
/// <item><description>Every value must take at least one byte: collections bound the counts they read by the bytes
/// remaining, so a corrupt file cannot make them allocate unbounded memory.</description></item>
/// <item><description><see cref="Read"/> consumes exactly what <see cref="Write"/> produced. Nest other values with
/// <see cref="RecordWriter.WriteValue{TValue}(TValue)"/> and <see cref="RecordReader.ReadValue{TValue}"/>.</description></item>
/// <item><description>The format is not a contract across versions of <typeparamref name="T"/>: checkpoints are
/// read back by the same program.</description></item>
/// </list>
/// </remarks>
/// <typeparam name="T">The type of the values.</typeparam>
public abstract class RecordCodec<T>
{
    /// <summary>Appends the encoding of <paramref name="value"/> to <paramref name="writer"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="value">The value; never null for reference types when called by the engine.</param>
    public abstract void Write(ref RecordWriter writer, T value);

    /// <summary>Reads back one value written by <see cref="Write"/>.</summary>
    /// <param name="reader">The source, positioned at the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="System.IO.InvalidDataException">The data is truncated or corrupt.</exception>
    public abstract T Read(ref RecordReader reader);
}
