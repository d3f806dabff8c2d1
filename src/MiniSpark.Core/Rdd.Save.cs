using MiniSpark.Output;

namespace MiniSpark;

public abstract partial class Rdd<T>
{
    /// <summary>Writes every record as one line of text to a directory of part files (<c>part-00000</c>, ...), one
    /// per partition, through the output commit protocol; read them back with <see cref="SparkContext.TextFile"/>.</summary>
    /// <remarks>
    /// <para>A line is the record's text: <see cref="IFormattable"/> values are formatted in the invariant culture,
    /// other values with <see cref="object.ToString"/>; a null record is an empty line. Files are UTF-8 without a
    /// byte order mark and every line, the last included, ends with <c>\n</c>. A record whose text contains line
    /// breaks reads back as several lines.</para>
    /// <para>Each partition writes one part file, empty for an empty partition. Task attempts write under
    /// <c>_temporary</c>; the part files and an empty <c>_SUCCESS</c> appear together when the job commits, and a
    /// failed or cancelled job leaves no part file behind. The other formats (CSV, JSON lines, Parquet, Arrow) save
    /// through the same protocol (<c>MiniSpark.Formats</c>). See <c>docs/io.md</c>.</para>
    /// </remarks>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists: fail (the default) or replace it.</param>
    /// <exception cref="IOException"><paramref name="path"/> exists under <see cref="SaveMode.ErrorIfExists"/>
    /// (thrown before any task runs), or committing the output failed.</exception>
    /// <exception cref="SparkJobException">A task failed too many times; nothing was written.</exception>
    public void SaveAsTextFile(string path, SaveMode mode = SaveMode.ErrorIfExists) =>
        FileOutput.SaveAsync(this, path, mode, TextPartitionWriter<T>.Instance, nameof(SaveAsTextFile), sync: true, CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="SaveAsTextFile"/>.</summary>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists.</param>
    /// <param name="cancellationToken">Cancels the job; a cancelled save publishes nothing.</param>
    public Task SaveAsTextFileAsync(string path, SaveMode mode = SaveMode.ErrorIfExists, CancellationToken cancellationToken = default) =>
        FileOutput.SaveAsync(this, path, mode, TextPartitionWriter<T>.Instance, nameof(SaveAsTextFile), sync: false, cancellationToken).AsTask();
}
