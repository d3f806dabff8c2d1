using MiniSpark.Input;

namespace MiniSpark.Formats.Reading;

/// <summary>A file format's reader: the records of one split (a whole file, or a byte range the format planned).</summary>
/// <remarks>One instance serves every task of a dataset, on several threads at once: keep per-split state local.</remarks>
/// <typeparam name="T">The record type.</typeparam>
internal interface IFileRecordReader<out T>
{
    /// <summary>The records <paramref name="split"/> owns, read lazily; open files when enumeration starts and close
    /// them when it ends or is disposed. Observe <see cref="TaskContext.CancellationToken"/> in long loops.</summary>
    IEnumerable<T> Read(FileSplit split, TaskContext context);
}
