using System.Collections.Concurrent;
using System.Diagnostics;
using MiniSpark.Internal;

namespace MiniSpark.Output;

/// <summary>One save's output commit protocol: Hadoop's <c>FileOutputCommitter</c> (algorithm v1) with a commit
/// coordinator, adapted so the output path only ever shows the old content or the complete new one.</summary>
/// <remarks>
/// <para>Layout, under the work root (the output directory itself, unless the path is a file or link being
/// overwritten; then a hidden sibling directory):</para>
/// <code>
/// _temporary/0/_temporary/attempt-&lt;job&gt;-&lt;partition&gt;-&lt;attempt id&gt;/part-NNNNN.ext   a running attempt
/// _temporary/0/task-NNNNN/part-NNNNN.ext                                     a committed task
/// _temporary/0/_output/part-NNNNN.ext + _SUCCESS                              the output, assembled at job commit
/// </code>
/// <para><b>Task commit</b> renames the attempt directory to <c>task-NNNNN</c>, atomically. Only one attempt per
/// partition may commit: the first to ask is authorized; others wait for its outcome and are denied (their files
/// deleted) if it commits, or take over if it fails. An attempt that failed is never authorized.</para>
/// <para><b>Job commit</b> checks that every partition committed, moves the task files into
/// <c>_temporary/0/_output</c>, writes <c>_SUCCESS</c> there, then swaps that directory in: the output path is
/// renamed to a hidden sibling (<c>.name.&lt;job&gt;.replaced</c>) and <c>_output</c> renamed to the output path,
/// then the sibling (old content and temporary files) is deleted. A reader thus sees the old content or the whole
/// new output, <c>_SUCCESS</c> included, never a part of it; between the two renames (microseconds) the path does
/// not exist. If the second rename fails the first is undone.</para>
/// <para><b>Abort</b> (a failed or cancelled job) waits a bounded time for running attempts (the scheduler has
/// cancelled them), then deletes <c>_temporary</c>, and the output directory when this save created it. Attempts
/// still running after the wait clean up when the last one ends; until then the path stays reserved.</para>
/// <para>One save per output path at a time in a process; saves from other processes are not coordinated.</para>
/// </remarks>
internal sealed class FileOutputCommitter
{
    public const string TemporaryName = "_temporary";
    public const string SuccessName = "_SUCCESS";
    private const string OutputName = "_output";

    // Paths being written in this process, so two saves cannot share a _temporary directory.
    private static readonly ConcurrentDictionary<string, FileOutputCommitter> s_activePaths = new(PathComparer);

    private readonly object _gate = new();
    private readonly IOutputFileSystem _fileSystem;
    private readonly PartitionCommit[] _partitions;
    private readonly bool _createdOutput;
    private JobState _state = JobState.Running;
    private int _activeAttempts;
    private bool _abortWaiting;
    private bool _cleanupStarted;

    private FileOutputCommitter(IOutputFileSystem fileSystem, string outputPath, string workRoot, bool createdOutput,
        string extension, int numPartitions, string jobToken)
    {
        _fileSystem = fileSystem;
        OutputPath = outputPath;
        WorkRoot = workRoot;
        _createdOutput = createdOutput;
        Extension = extension;
        JobToken = jobToken;
        _partitions = new PartitionCommit[numPartitions];
        for (int i = 0; i < numPartitions; i++) _partitions[i] = new PartitionCommit();
    }

    private enum JobState { Running, Committing, Committed, Aborted }

    private static StringComparer PathComparer =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The full output path.</summary>
    public string OutputPath { get; }

    /// <summary>The directory holding <c>_temporary</c>.</summary>
    public string WorkRoot { get; }

    /// <summary>The part files' extension, with its dot, or empty.</summary>
    public string Extension { get; }

    /// <summary>Unique to this save; part of attempt directory names.</summary>
    public string JobToken { get; }

    public int NumPartitions => _partitions.Length;

    public IOutputFileSystem FileSystem => _fileSystem;

    /// <summary><c>_temporary/0</c>: the job attempt directory.</summary>
    public string JobAttemptPath => Path.Combine(WorkRoot, TemporaryName, "0");

    /// <summary>Part file name of <paramref name="partition"/>: from the index only, never from data.</summary>
    public string PartFileName(int partition) => $"part-{partition:D5}{Extension}";

    public string TaskPath(int partition) => Path.Combine(JobAttemptPath, $"task-{partition:D5}");

    public string AttemptPath(int partition, long attemptId) =>
        Path.Combine(JobAttemptPath, TemporaryName, $"attempt-{JobToken}-{partition:D5}-{attemptId}");

    /// <summary>Job setup: checks the target and prepares <c>_temporary</c>; nothing runs yet.</summary>
    /// <exception cref="IOException">The path exists and <paramref name="mode"/> is <see cref="SaveMode.ErrorIfExists"/>,
    /// or another save of this process is writing it.</exception>
    public static FileOutputCommitter SetupJob(IOutputFileSystem fileSystem, string path, SaveMode mode, string extension,
        int numPartitions, string? jobToken = null)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfNegative(numPartitions);
        if (mode is not (SaveMode.ErrorIfExists or SaveMode.Overwrite))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown save mode.");

        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || Path.GetFileName(full).Length == 0) throw new ArgumentException(OutputMessages.RootPath(full), nameof(path));
        string token = jobToken ?? $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..23];

        OutputEntryKind kind = fileSystem.GetKind(full);
        if (kind != OutputEntryKind.None && mode == SaveMode.ErrorIfExists)
            throw new IOException(OutputMessages.AlreadyExists(path, full));

        // Existing directories hold _temporary next to the old content (readers skip '_' names); files and links
        // cannot, so their save works in a hidden sibling.
        string workRoot = kind is OutputEntryKind.File or OutputEntryKind.Link
            ? Path.Combine(parent, $".{Path.GetFileName(full)}.{token}.pending")
            : full;
        var committer = new FileOutputCommitter(fileSystem, full, workRoot, kind == OutputEntryKind.None, extension, numPartitions, token);
        if (!s_activePaths.TryAdd(full, committer)) throw new IOException(OutputMessages.AlreadyBeingWritten(full));
        try
        {
            if (workRoot == full && kind == OutputEntryKind.Directory)
            {
                string leftOver = Path.Combine(full, TemporaryName);
                if (fileSystem.GetKind(leftOver) != OutputEntryKind.None)
                {
                    Log.Warning(OutputMessages.TemporaryLeftOver(leftOver));
                    fileSystem.Delete(leftOver);
                }
            }
            fileSystem.CreateDirectory(Path.Combine(committer.JobAttemptPath, TemporaryName));
            return committer;
        }
        catch
        {
            committer.CleanUp();
            throw;
        }
    }

    /// <summary>Task setup: creates the attempt directory.</summary>
    /// <exception cref="OperationCanceledException">The save is no longer running (a late attempt of a failed job).</exception>
    public TaskAttemptOutput SetupTask(int partition, long attemptId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, NumPartitions);
        string directory = AttemptPath(partition, attemptId);
        lock (_gate)
        {
            if (_state != JobState.Running) throw new OperationCanceledException(OutputMessages.JobNotRunning(OutputPath, StateName()));
            // Under the lock: an abort cannot delete _temporary between the check and the creation, so a late
            // attempt never re-creates it.
            _fileSystem.CreateDirectory(directory);
            _activeAttempts++;
        }
        return new TaskAttemptOutput(partition, attemptId, directory, Path.Combine(directory, PartFileName(partition)));
    }

    /// <summary>Task commit: makes the attempt's files the partition's output, unless another attempt did first.</summary>
    /// <exception cref="OperationCanceledException">The attempt was cancelled while another attempt was committing.</exception>
    /// <exception cref="IOException">The rename failed; the attempt is recorded as failed and another may commit.</exception>
    public TaskCommitStatus CommitTask(TaskAttemptOutput attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        PartitionCommit partition = _partitions[attempt.Partition];
        bool authorized = false;
        lock (_gate)
        {
            while (_state == JobState.Running && partition.Committed is null && partition.Failed?.Contains(attempt.AttemptId) != true)
            {
                if (partition.Authorized is null || partition.Authorized == attempt.AttemptId)
                {
                    partition.Authorized = attempt.AttemptId;
                    authorized = true;
                    break;
                }
                // Another attempt holds the authorization and is renaming: its outcome decides ours.
                cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(50));
            }
        }
        if (!authorized)
        {
            TryDelete(attempt.DirectoryPath);
            return TaskCommitStatus.Denied;
        }

        string taskPath = TaskPath(attempt.Partition);
        try
        {
            // Only the remains of an authorized attempt that failed could be here; with atomic renames, none.
            if (_fileSystem.GetKind(taskPath) != OutputEntryKind.None) _fileSystem.Delete(taskPath);
            _fileSystem.MoveDirectory(attempt.DirectoryPath, taskPath);
        }
        catch
        {
            lock (_gate)
            {
                partition.Authorized = null;
                (partition.Failed ??= []).Add(attempt.AttemptId);
                Monitor.PulseAll(_gate);
            }
            throw;
        }
        lock (_gate)
        {
            partition.Committed = attempt.AttemptId;
            Monitor.PulseAll(_gate);
        }
        return TaskCommitStatus.Committed;
    }

    /// <summary>Task abort: deletes the attempt's files; the attempt can never commit.</summary>
    public void AbortTask(TaskAttemptOutput attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        TryDelete(attempt.DirectoryPath);
        PartitionCommit partition = _partitions[attempt.Partition];
        lock (_gate)
        {
            if (partition.Authorized == attempt.AttemptId) partition.Authorized = null;
            (partition.Failed ??= []).Add(attempt.AttemptId);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Marks the end of an attempt set up with <see cref="SetupTask"/>, committed or not.</summary>
    public void EndTask(TaskAttemptOutput attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        bool cleanUp = false;
        lock (_gate)
        {
            _activeAttempts--;
            Debug.Assert(_activeAttempts >= 0);
            Monitor.PulseAll(_gate);
            if (_state == JobState.Aborted && _activeAttempts == 0 && !_abortWaiting && !_cleanupStarted)
            {
                _cleanupStarted = true;
                cleanUp = true;
            }
        }
        if (cleanUp) CleanUp();
    }

    /// <summary>Job commit: publishes every partition's file and <c>_SUCCESS</c> at once.</summary>
    /// <exception cref="IOException">A partition did not commit, or a file operation failed. The output path then
    /// holds what it held before the save; call <see cref="AbortJob"/> to remove the temporary files.</exception>
    public void CommitJob()
    {
        lock (_gate)
        {
            if (_state != JobState.Running) throw new InvalidOperationException(OutputMessages.JobNotRunning(OutputPath, StateName()));
            _state = JobState.Committing; // from now on no attempt starts or commits
        }
        string assembled = Path.Combine(JobAttemptPath, OutputName);
        _fileSystem.CreateDirectory(assembled);
        for (int p = 0; p < NumPartitions; p++)
        {
            string taskPath = TaskPath(p);
            if (_partitions[p].Committed is null || _fileSystem.GetKind(taskPath) != OutputEntryKind.Directory)
                throw new IOException(OutputMessages.PartitionNotCommitted(OutputPath, p));
            foreach (string file in _fileSystem.ListFiles(taskPath))
                _fileSystem.MoveFile(file, Path.Combine(assembled, Path.GetFileName(file)));
        }
        using (_fileSystem.CreateFile(Path.Combine(assembled, SuccessName))) { }
        Publish(assembled);
        lock (_gate) _state = JobState.Committed;
        Release();
    }

    private void Publish(string assembled)
    {
        string aside = Path.Combine(Path.GetDirectoryName(OutputPath)!, $".{Path.GetFileName(OutputPath)}.{JobToken}.replaced");
        bool hasOld = _fileSystem.GetKind(OutputPath) != OutputEntryKind.None;
        string source = assembled;
        if (hasOld)
        {
            _fileSystem.MoveDirectory(OutputPath, aside); // throws with nothing changed
            if (WorkRoot == OutputPath) source = Path.Combine(aside, Path.GetRelativePath(OutputPath, assembled));
        }
        try
        {
            _fileSystem.MoveDirectory(source, OutputPath);
        }
        catch (Exception error)
        {
            if (!hasOld) throw;
            try
            {
                _fileSystem.MoveDirectory(aside, OutputPath);
            }
            catch (Exception rollback)
            {
                throw new IOException(OutputMessages.RollbackFailed(OutputPath, aside), new AggregateException(error, rollback));
            }
            throw;
        }
        if (hasOld) TryDelete(aside);
        if (WorkRoot != OutputPath) TryDelete(WorkRoot);
    }

    /// <summary>Job abort: after running attempts end (at most <paramref name="wait"/>), deletes the temporary files
    /// and the output directory if this save created it. Does nothing after a successful commit.</summary>
    public void AbortJob(TimeSpan wait)
    {
        bool cleanUp = false;
        lock (_gate)
        {
            if (_state is JobState.Committed or JobState.Aborted) return;
            _state = JobState.Aborted;
            _abortWaiting = true;
            Monitor.PulseAll(_gate); // committers waiting for an authorization give up
            long deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
            while (_activeAttempts > 0)
            {
                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0) break;
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining));
            }
            _abortWaiting = false;
            if (_activeAttempts == 0 && !_cleanupStarted)
            {
                _cleanupStarted = true;
                cleanUp = true;
            }
            else if (_activeAttempts > 0)
            {
                Log.Warning(OutputMessages.AttemptsStillRunning(OutputPath, _activeAttempts));
            }
        }
        if (cleanUp) CleanUp();
    }

    private void CleanUp()
    {
        try
        {
            TryDelete(Path.Combine(WorkRoot, TemporaryName));
            if (WorkRoot != OutputPath)
            {
                TryDelete(WorkRoot);
            }
            else if (_createdOutput && _fileSystem.GetKind(OutputPath) == OutputEntryKind.Directory && _fileSystem.IsEmptyDirectory(OutputPath))
            {
                TryDelete(OutputPath);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Log.Warning(OutputMessages.CleanupFailed(OutputPath, error));
        }
        finally
        {
            Release();
        }
    }

    private void Release() => s_activePaths.TryRemove(new KeyValuePair<string, FileOutputCommitter>(OutputPath, this));

    // Cleanup never hides the error that made it necessary: failures are logged.
    private void TryDelete(string path)
    {
        try
        {
            _fileSystem.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Log.Warning(OutputMessages.CleanupFailed(path, error));
        }
    }

    private string StateName() => _state switch
    {
        JobState.Running => "running",
        JobState.Committing => "committing",
        JobState.Committed => "committed",
        _ => "aborted",
    };

    /// <summary>The commit coordinator's state for one partition; guarded by <c>_gate</c>.</summary>
    private sealed class PartitionCommit
    {
        public long? Authorized;
        public long? Committed;
        public HashSet<long>? Failed;
    }
}
