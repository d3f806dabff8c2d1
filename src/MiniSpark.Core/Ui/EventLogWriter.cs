using System.Buffers;
using System.Text.Json;
using MiniSpark.Internal;

namespace MiniSpark.Ui;

/// <summary>Writes listener events as JSON lines (<c>spark.eventLog.enabled</c>), one file per application in
/// <c>spark.eventLog.dir</c>, shaped like Spark's event logs (an <c>Event</c> field naming the event, Spark's field names).</summary>
/// <remarks>
/// <para>The file is <c>&lt;application id&gt;.inprogress</c> while the context runs and is renamed to the
/// application id when it stops, as Spark does; <see cref="EventLogReader"/> reads both.</para>
/// <para>Events arrive on the listener bus's thread, never the scheduler's: each is encoded into one reused buffer
/// and appended to a buffered file stream, flushed at the end of every job, so a running application's log is
/// readable up to its last finished job. A write error is logged once and turns the writer off; it never fails a job.</para>
/// </remarks>
internal sealed class EventLogWriter : ISparkListener, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly FileStream _stream;
    private readonly Func<IReadOnlyList<RddStorageInfo>>? _storage;
    private readonly Dictionary<int, bool> _shuffleMapStages = [];
    private bool _failed;
    private bool _disposed;

    private EventLogWriter(string path, FileStream stream, Func<IReadOnlyList<RddStorageInfo>>? storage)
    {
        Path = path;
        _stream = stream;
        _storage = storage;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Where the log ends up once the application stops.</summary>
    public string Path { get; }

    /// <summary>Where the log is written while the application runs.</summary>
    public string InProgressPath => Path + EventLogFields.InProgressSuffix;

    /// <summary>Creates the log in <paramref name="directory"/> and writes the application's start and settings.</summary>
    /// <param name="directory">The log directory; created when missing.</param>
    /// <param name="application">The application's start, written first.</param>
    /// <param name="environment">The settings (already redacted) and runtime facts.</param>
    /// <param name="storage">Reads what persisted datasets hold, logged after each job; null to log no storage.</param>
    /// <exception cref="IOException">The directory cannot be created or a log of this application already exists.</exception>
    public static EventLogWriter Start(string directory, SparkListenerApplicationStart application,
        SparkListenerEnvironmentUpdate environment, Func<IReadOnlyList<RddStorageInfo>>? storage)
    {
        Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), application.AppId);
        if (File.Exists(path)) throw new IOException(SR.EventLogExists(path));
        FileStream stream;
        try
        {
            stream = new FileStream(path + EventLogFields.InProgressSuffix, FileMode.CreateNew, FileAccess.Write, FileShare.Read,
                bufferSize: 64 * 1024);
        }
        catch (IOException error) when (File.Exists(path + EventLogFields.InProgressSuffix))
        {
            throw new IOException(SR.EventLogExists(path + EventLogFields.InProgressSuffix), error);
        }
        var writer = new EventLogWriter(path, stream, storage);
        writer.Write(new LogStartEvent(), flush: false);
        writer.Write(application, flush: false);
        writer.Write(environment, flush: true);
        return writer;
    }

    public void OnJobStart(SparkListenerJobStart jobStart) => Write(jobStart, flush: false);

    public void OnJobEnd(SparkListenerJobEnd jobEnd)
    {
        Write(jobEnd, flush: _storage is null);
        WriteStorageSnapshot();
    }

    public void OnStageSubmitted(SparkListenerStageSubmitted stageSubmitted) => Write(stageSubmitted, flush: false);

    public void OnStageCompleted(SparkListenerStageCompleted stageCompleted) => Write(stageCompleted, flush: false);

    public void OnTaskStart(SparkListenerTaskStart taskStart) => Write(taskStart, flush: false);

    public void OnTaskEnd(SparkListenerTaskEnd taskEnd) => Write(taskEnd, flush: false);

    /// <summary>Writes the application's end, closes the file and gives it its final name. Idempotent.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            WriteStorageSnapshot();
            Write(new SparkListenerApplicationEnd(), flush: true);
            _disposed = true;
            _json.Dispose();
            _stream.Dispose();
            try
            {
                File.Move(InProgressPath, Path);
            }
            catch (IOException error)
            {
                Log.Warning($"The event log {InProgressPath} could not be renamed to {Path}: {error.Message}");
            }
        }
    }

    private void WriteStorageSnapshot()
    {
        if (_storage is null) return;
        IReadOnlyList<RddStorageInfo> rdds;
        try
        {
            rdds = _storage();
        }
        catch (Exception error) when (error is ObjectDisposedException or InvalidOperationException)
        {
            return; // the context is stopping; the last snapshot stands
        }
        Write(new StorageSnapshotEvent(rdds), flush: true);
    }

    private void Write(SparkListenerEvent e, bool flush)
    {
        lock (_lock)
        {
            if (_failed || _disposed) return;
            try
            {
                _buffer.ResetWrittenCount();
                _json.Reset(_buffer);
                WriteEvent(e);
                _json.Flush();
                _stream.Write(_buffer.WrittenSpan);
                _stream.Write(NewLine);
                if (flush) _stream.Flush();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                _failed = true;
                Log.Warning($"Writing the event log {InProgressPath} failed; no further events are logged: {error.Message}");
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                // A value JSON cannot encode (a lone surrogate in a name): this event is lost, the log goes on.
                Log.Warning($"An event ({e.GetType().Name}) could not be written to the event log {InProgressPath}: {error.Message}");
            }
        }
    }

    private void WriteEvent(SparkListenerEvent e)
    {
        Utf8JsonWriter w = _json;
        w.WriteStartObject();
        switch (e)
        {
            case LogStartEvent:
                w.WriteString(EventLogFields.Event, EventLogFields.LogStart);
                w.WriteString("Spark Version", "MiniSpark " + typeof(SparkContext).Assembly.GetName().Version);
                break;
            case SparkListenerApplicationStart start:
                w.WriteString(EventLogFields.Event, EventLogFields.ApplicationStart);
                w.WriteString("App Name", start.AppName);
                w.WriteString("App ID", start.AppId);
                w.WriteNumber("Timestamp", Ms(start.Time));
                w.WriteString("User", start.User);
                w.WriteString("Master", start.Master);
                break;
            case SparkListenerEnvironmentUpdate environment:
                w.WriteString(EventLogFields.Event, EventLogFields.EnvironmentUpdate);
                WriteMap("JVM Information", environment.RuntimeInformation);
                WriteMap("Spark Properties", environment.SparkProperties);
                WriteMap("System Properties", []);
                WriteMap("Classpath Entries", []);
                break;
            case SparkListenerApplicationEnd end:
                w.WriteString(EventLogFields.Event, EventLogFields.ApplicationEnd);
                w.WriteNumber("Timestamp", Ms(end.Time));
                break;
            case StorageSnapshotEvent snapshot:
                w.WriteString(EventLogFields.Event, EventLogFields.StorageSnapshot);
                w.WriteNumber("Timestamp", Ms(snapshot.Time));
                w.WriteStartArray("RDD Storage Info");
                foreach (RddStorageInfo rdd in snapshot.Rdds)
                {
                    w.WriteStartObject();
                    w.WriteNumber("RDD ID", rdd.RddId);
                    w.WriteString("Name", rdd.Name);
                    WriteStorageLevel(rdd.StorageLevel);
                    w.WriteNumber("Number of Partitions", rdd.NumPartitions);
                    w.WriteNumber("Number of Cached Partitions", rdd.CachedPartitions);
                    w.WriteNumber("Memory Size", rdd.MemoryBytes);
                    w.WriteNumber("Disk Size", rdd.DiskBytes);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                break;
            case SparkListenerJobStart jobStart:
                w.WriteString(EventLogFields.Event, EventLogFields.JobStart);
                w.WriteNumber("Job ID", jobStart.JobId);
                w.WriteNumber("Submission Time", Ms(jobStart.Time));
                w.WriteStartArray("Stage Infos");
                foreach (StageInfo info in jobStart.StageInfos) WriteStageInfo(null, info);
                w.WriteEndArray();
                w.WriteStartArray("Stage IDs");
                foreach (StageInfo info in jobStart.StageInfos) w.WriteNumberValue(info.StageId);
                w.WriteEndArray();
                w.WriteStartObject("Properties");
                if (jobStart.JobGroup is not null) w.WriteString(EventLogFields.JobGroupProperty, jobStart.JobGroup);
                w.WriteString(EventLogFields.JobDescriptionProperty, jobStart.Description);
                w.WriteEndObject();
                break;
            case SparkListenerJobEnd jobEnd:
                w.WriteString(EventLogFields.Event, EventLogFields.JobEnd);
                w.WriteNumber("Job ID", jobEnd.JobId);
                w.WriteNumber("Completion Time", Ms(jobEnd.Time));
                w.WriteStartObject("Job Result");
                if (jobEnd.Succeeded)
                {
                    w.WriteString("Result", "JobSucceeded");
                }
                else
                {
                    w.WriteString("Result", "JobFailed");
                    w.WriteStartObject("Exception");
                    w.WriteString("Class Name", jobEnd.Exception?.GetType().FullName ?? typeof(SparkJobException).FullName);
                    w.WriteString("Message", jobEnd.Exception?.Message ?? "");
                    w.WriteStartArray("Stack Trace");
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                break;
            case SparkListenerStageSubmitted submitted:
                _shuffleMapStages[submitted.StageInfo.StageId] = submitted.StageInfo.IsShuffleMap;
                w.WriteString(EventLogFields.Event, EventLogFields.StageSubmitted);
                WriteStageInfo("Stage Info", submitted.StageInfo);
                w.WriteStartObject("Properties");
                w.WriteEndObject();
                break;
            case SparkListenerStageCompleted completed:
                w.WriteString(EventLogFields.Event, EventLogFields.StageCompleted);
                WriteStageInfo("Stage Info", completed.StageInfo);
                break;
            case SparkListenerTaskStart taskStart:
                w.WriteString(EventLogFields.Event, EventLogFields.TaskStart);
                w.WriteNumber("Stage ID", taskStart.StageId);
                w.WriteNumber("Stage Attempt ID", taskStart.StageAttemptNumber);
                WriteTaskInfo(taskStart.TaskAttemptId, taskStart.PartitionId, taskStart.AttemptNumber, Ms(taskStart.Time), 0, false, false);
                break;
            case SparkListenerTaskEnd taskEnd:
                WriteTaskEnd(taskEnd);
                break;
        }
        w.WriteEndObject();
    }

    private void WriteTaskEnd(SparkListenerTaskEnd taskEnd)
    {
        Utf8JsonWriter w = _json;
        w.WriteString(EventLogFields.Event, EventLogFields.TaskEnd);
        w.WriteNumber("Stage ID", taskEnd.StageId);
        w.WriteNumber("Stage Attempt ID", taskEnd.StageAttemptNumber);
        w.WriteString("Task Type", _shuffleMapStages.GetValueOrDefault(taskEnd.StageId) ? "ShuffleMapTask" : "ResultTask");
        w.WriteStartObject("Task End Reason");
        if (taskEnd.Successful)
        {
            w.WriteString("Reason", "Success");
        }
        else if (taskEnd.Killed)
        {
            w.WriteString("Reason", "TaskKilled");
            w.WriteString("Kill Reason", taskEnd.Exception?.Message ?? "");
        }
        else
        {
            w.WriteString("Reason", "ExceptionFailure");
            w.WriteString("Class Name", taskEnd.Exception?.GetType().FullName ?? "");
            w.WriteString("Description", taskEnd.Exception?.Message ?? "");
            w.WriteStartArray("Stack Trace");
            w.WriteEndArray();
            w.WriteString("Full Stack Trace", taskEnd.Exception?.ToString() ?? "");
        }
        w.WriteEndObject();
        long finish = Ms(taskEnd.Time);
        long durationMs = (long)taskEnd.Metrics.Duration.TotalMilliseconds;
        WriteTaskInfo(taskEnd.TaskAttemptId, taskEnd.PartitionId, taskEnd.AttemptNumber, finish - durationMs, finish,
            !taskEnd.Successful && !taskEnd.Killed, taskEnd.Killed);

        TaskMetrics m = taskEnd.Metrics;
        w.WriteStartObject("Task Metrics");
        w.WriteNumber("Executor Deserialize Time", 0);
        w.WriteNumber("Executor Deserialize CPU Time", 0);
        w.WriteNumber("Executor Run Time", durationMs);
        w.WriteNumber("Executor CPU Time", 0);
        w.WriteNumber("Peak Execution Memory", m.PeakExecutionMemory);
        w.WriteNumber("Result Size", 0);
        w.WriteNumber("JVM GC Time", 0);
        w.WriteNumber("Result Serialization Time", 0);
        w.WriteNumber("Memory Bytes Spilled", m.MemoryBytesSpilled);
        w.WriteNumber("Disk Bytes Spilled", m.DiskBytesSpilled);
        w.WriteStartObject("Shuffle Read Metrics");
        w.WriteNumber("Remote Blocks Fetched", 0);
        w.WriteNumber("Local Blocks Fetched", 0);
        w.WriteNumber("Fetch Wait Time", 0);
        w.WriteNumber("Remote Bytes Read", 0);
        w.WriteNumber("Remote Bytes Read To Disk", 0);
        w.WriteNumber("Local Bytes Read", m.ShuffleBytesRead);
        w.WriteNumber("Total Records Read", 0);
        w.WriteEndObject();
        w.WriteStartObject("Shuffle Write Metrics");
        w.WriteNumber("Shuffle Bytes Written", m.ShuffleBytesWritten);
        w.WriteNumber("Shuffle Write Time", 0);
        w.WriteNumber("Shuffle Records Written", 0);
        w.WriteEndObject();
        // MiniSpark counts records read from sources and shuffles together, and records written to shuffles and sinks.
        w.WriteStartObject("Input Metrics");
        w.WriteNumber("Bytes Read", 0);
        w.WriteNumber("Records Read", m.RecordsRead);
        w.WriteEndObject();
        w.WriteStartObject("Output Metrics");
        w.WriteNumber("Bytes Written", 0);
        w.WriteNumber("Records Written", m.RecordsWritten);
        w.WriteEndObject();
        w.WriteStartArray("Updated Blocks");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteTaskInfo(long taskId, int partition, int attempt, long launchTime, long finishTime, bool failed, bool killed)
    {
        Utf8JsonWriter w = _json;
        w.WriteStartObject("Task Info");
        w.WriteNumber("Task ID", taskId);
        w.WriteNumber("Index", partition);
        w.WriteNumber("Attempt", attempt);
        w.WriteNumber("Partition ID", partition);
        w.WriteNumber("Launch Time", launchTime);
        w.WriteString("Executor ID", "driver");
        w.WriteString("Host", "localhost");
        w.WriteString("Locality", "PROCESS_LOCAL");
        w.WriteBoolean("Speculative", false);
        w.WriteNumber("Getting Result Time", 0);
        w.WriteNumber("Finish Time", finishTime);
        w.WriteBoolean("Failed", failed);
        w.WriteBoolean("Killed", killed);
        w.WriteStartArray("Accumulables");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteStageInfo(string? propertyName, StageInfo info)
    {
        Utf8JsonWriter w = _json;
        if (propertyName is null) w.WriteStartObject();
        else w.WriteStartObject(propertyName);
        w.WriteNumber("Stage ID", info.StageId);
        w.WriteNumber("Stage Attempt ID", info.AttemptNumber);
        w.WriteString("Stage Name", info.Name);
        w.WriteNumber("Number of Tasks", info.NumTasks);
        w.WriteBoolean("Shuffle Map Stage", info.IsShuffleMap);
        w.WriteStartArray("RDD Info");
        foreach (RddInfo rdd in info.RddInfos)
        {
            w.WriteStartObject();
            w.WriteNumber("RDD ID", rdd.Id);
            w.WriteString("Name", rdd.Name);
            w.WriteString("Callsite", rdd.CreationSite);
            w.WriteStartArray("Parent IDs");
            foreach (int parent in rdd.ParentIds) w.WriteNumberValue(parent);
            w.WriteEndArray();
            WriteStorageLevel(StorageLevel.None);
            w.WriteNumber("Number of Partitions", rdd.NumPartitions);
            w.WriteNumber("Number of Cached Partitions", 0);
            w.WriteNumber("Memory Size", 0);
            w.WriteNumber("Disk Size", 0);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("Parent IDs");
        foreach (int parent in info.ParentIds) w.WriteNumberValue(parent);
        w.WriteEndArray();
        w.WriteString("Details", "");
        if (info.SubmissionTime is { } submitted) w.WriteNumber("Submission Time", Ms(submitted));
        if (info.CompletionTime is { } completed) w.WriteNumber("Completion Time", Ms(completed));
        if (info.FailureReason is { } reason) w.WriteString("Failure Reason", reason);
        w.WriteStartArray("Accumulables");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteStorageLevel(StorageLevel level)
    {
        Utf8JsonWriter w = _json;
        w.WriteStartObject("Storage Level");
        w.WriteBoolean("Use Disk", level.UseDisk);
        w.WriteBoolean("Use Memory", level.UseMemory);
        w.WriteBoolean("Deserialized", level.Deserialized);
        w.WriteNumber("Replication", 1);
        w.WriteEndObject();
    }

    private void WriteMap(string propertyName, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        _json.WriteStartObject(propertyName);
        foreach ((string key, string value) in entries) _json.WriteString(key, value);
        _json.WriteEndObject();
    }

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    /// <summary>The first line of every log: which writer wrote it.</summary>
    private sealed record LogStartEvent : SparkListenerEvent
    {
        internal override void Dispatch(ISparkListener listener) { }
    }
}
