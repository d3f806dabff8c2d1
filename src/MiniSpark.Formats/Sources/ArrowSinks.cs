using MiniSpark.Formats.Arrow.Mapping;
using MiniSpark.Output;

namespace MiniSpark;

/// <summary>Saving datasets as Arrow IPC files.</summary>
public static class ArrowSinks
{
    /// <summary>Writes the dataset as a directory of <c>part-NNNNN.arrow</c> files (the Arrow IPC file format, record batches
    /// of 64K rows), one per partition, through the output commit protocol.</summary>
    /// <param name="rdd">The records; their public properties are the columns.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists.</param>
    public static void SaveAsArrow<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists) =>
        FileOutput.SaveAsync(rdd, path, mode, new ArrowPartitionWriter<T>(), nameof(SaveAsArrow), sync: true, CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="SaveAsArrow{T}"/>.</summary>
    public static Task SaveAsArrowAsync<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists,
        CancellationToken cancellationToken = default) =>
        FileOutput.SaveAsync(rdd, path, mode, new ArrowPartitionWriter<T>(), nameof(SaveAsArrow), sync: false, cancellationToken).AsTask();

    private sealed class ArrowPartitionWriter<T> : IPartitionWriter<T>
    {
        public string Extension => ".arrow";

        public void Write(IEnumerable<T> records, Stream output, TaskContext context)
        {
            using var writer = new ArrowRecordWriter<T>(output, leaveOpen: true);
            foreach (T record in records) writer.Write(record);
            writer.Finish();
        }
    }
}
