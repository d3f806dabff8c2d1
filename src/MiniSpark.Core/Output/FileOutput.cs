namespace MiniSpark.Output;

/// <summary>Saves a dataset as a directory of part files through <see cref="FileOutputCommitter"/>: the plumbing
/// every <c>SaveAs...</c> shares; a format only brings an <see cref="IPartitionWriter{T}"/>.</summary>
internal static class FileOutput
{
    // How long a failed save waits for its cancelled attempts before leaving the cleanup to the last of them.
    internal static readonly TimeSpan AbortWait = TimeSpan.FromSeconds(10);

    private const int CancellationCheckInterval = 1024;

    /// <summary>Runs a job writing one part file per partition of <paramref name="rdd"/>, then commits it.</summary>
    /// <param name="rdd">The dataset to save.</param>
    /// <param name="path">The output directory.</param>
    /// <param name="mode">What to do when <paramref name="path"/> exists.</param>
    /// <param name="writer">The format.</param>
    /// <param name="callSite">The action's name, for job descriptions.</param>
    /// <param name="sync">Whether to block instead of awaiting (the blocking action forms).</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <param name="fileSystem">The file system; tests inject faults through it.</param>
    /// <exception cref="IOException">The path exists under <see cref="SaveMode.ErrorIfExists"/>, or the commit failed.</exception>
    /// <exception cref="SparkJobException">A task failed too often; nothing was published.</exception>
    /// <exception cref="OperationCanceledException">The job was cancelled; nothing was published.</exception>
    public static async ValueTask SaveAsync<T>(Rdd<T> rdd, string path, SaveMode mode, IPartitionWriter<T> writer,
        string callSite, bool sync, CancellationToken cancellationToken, IOutputFileSystem? fileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writer);
        rdd.Context.ThrowIfStopped();
        cancellationToken.ThrowIfCancellationRequested();

        int numPartitions = rdd.NumPartitions;
        FileOutputCommitter committer = FileOutputCommitter.SetupJob(
            fileSystem ?? LocalOutputFileSystem.Instance, path, mode, writer.Extension, numPartitions);
        try
        {
            Task<TaskCommitStatus[]> job = rdd.Context.RunJobAsync(rdd,
                (context, records) => WritePartition(committer, writer, context, records), null, callSite, cancellationToken);
            if (sync) job.GetAwaiter().GetResult();
            else await job.ConfigureAwait(false);
            committer.CommitJob();
        }
        catch
        {
            committer.AbortJob(AbortWait);
            throw;
        }
        await rdd.CheckpointMarkedAsync(sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One task attempt: set up, write the part file, commit; abort on any failure.</summary>
    internal static TaskCommitStatus WritePartition<T>(FileOutputCommitter committer, IPartitionWriter<T> writer,
        TaskContext context, IEnumerable<T> records)
    {
        TaskAttemptOutput attempt = committer.SetupTask(context.PartitionId, context.TaskAttemptId);
        try
        {
            var counter = new RecordCounter();
            using (Stream output = committer.FileSystem.CreateFile(attempt.FilePath))
            {
                writer.Write(Counted(records, counter, context.CancellationToken), output, context);
                output.Flush();
            }
            context.CancellationToken.ThrowIfCancellationRequested();
            TaskCommitStatus status = committer.CommitTask(attempt, context.CancellationToken);
            if (status == TaskCommitStatus.Committed) context.Metrics.AddRecordsWritten(counter.Count);
            return status;
        }
        catch
        {
            committer.AbortTask(attempt);
            throw;
        }
        finally
        {
            committer.EndTask(attempt);
        }
    }

    private static IEnumerable<T> Counted<T>(IEnumerable<T> records, RecordCounter counter, CancellationToken cancellationToken)
    {
        foreach (T record in records)
        {
            if (++counter.Count % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }

    private sealed class RecordCounter
    {
        public long Count;
    }
}
