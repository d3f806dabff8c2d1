using MiniSpark.Output;
using MiniSpark.Formats.Parquet.Writing;

namespace MiniSpark;

/// <summary>Saving datasets as Parquet files.</summary>
public static class ParquetSinks
{
    /// <summary>Writes the dataset as a directory of <c>part-NNNNN.parquet</c> files, one per partition, through the output
    /// commit protocol (nothing is published unless the whole job succeeds; <c>_SUCCESS</c> marks completion).</summary>
    /// <param name="rdd">The records; their public properties are the columns.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists.</param>
    /// <param name="options">Compression, row group size, decimal precision; null for the defaults (snappy).</param>
    public static void SaveAsParquet<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists,
        ParquetWriteOptions? options = null) =>
        FileOutput.SaveAsync(rdd, path, mode, new ParquetPartitionWriter<T>(options), nameof(SaveAsParquet), sync: true,
            CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="SaveAsParquet{T}"/>.</summary>
    public static Task SaveAsParquetAsync<T>(this Rdd<T> rdd, string path, SaveMode mode = SaveMode.ErrorIfExists,
        ParquetWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        FileOutput.SaveAsync(rdd, path, mode, new ParquetPartitionWriter<T>(options), nameof(SaveAsParquet), sync: false,
            cancellationToken).AsTask();

    private sealed class ParquetPartitionWriter<T>(ParquetWriteOptions? options) : IPartitionWriter<T>
    {
        public string Extension => ".parquet";

        public void Write(IEnumerable<T> records, Stream output, TaskContext context)
        {
            using var writer = new ParquetRecordWriter<T>(output, options, leaveOpen: true);
            writer.WriteAll(records);
        }
    }
}
