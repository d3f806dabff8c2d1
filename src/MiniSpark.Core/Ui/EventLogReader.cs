using System.Text.Json;
using MiniSpark.Internal;

namespace MiniSpark.Ui;

/// <summary>Reads an event log written by <see cref="EventLogWriter"/> back into listener events, for a history
/// view (<see cref="AppStatusStore.Replay"/>).</summary>
/// <remarks>
/// Unknown events are skipped, as Spark's replay does, so logs with Spark's other events (or newer MiniSpark ones)
/// still load. A malformed last line is a write the application did not finish (it is still running, or died) and is
/// skipped; a malformed line anywhere else fails with the file and line number.
/// </remarks>
internal static class EventLogReader
{
    /// <summary>The events of the log at <paramref name="path"/>, in file order, read lazily.</summary>
    /// <exception cref="InvalidDataException">A line other than the last is not a valid event.</exception>
    public static IEnumerable<SparkListenerEvent> Read(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        string? line = reader.ReadLine();
        int number = 0;
        // Events whose JSON carries no time (Spark's environment update) take the previous event's.
        DateTimeOffset last = DateTimeOffset.UnixEpoch;
        while (line is not null)
        {
            number++;
            string? next = reader.ReadLine();
            if (line.Length > 0)
            {
                SparkListenerEvent? e;
                try
                {
                    e = Parse(line, last);
                }
                catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    if (next is null) yield break; // a line cut short by a crash or a write in progress
                    throw new InvalidDataException(SR.EventLogBadLine(path, number, error.Message), error);
                }
                if (e is not null)
                {
                    last = e.Time;
                    yield return e;
                }
            }
            line = next;
        }
    }

    /// <summary>A new status store holding what the log at <paramref name="path"/> records.</summary>
    public static AppStatusStore ReplayInto(string path, AppStatusStore? store = null) =>
        (store ?? new AppStatusStore()).Replay(Read(path));

    /// <summary>One event from one line; null for an event this reader does not know.</summary>
    /// <param name="line">One line of a log.</param>
    /// <param name="fallbackTime">The time of an event whose JSON has none.</param>
    public static SparkListenerEvent? Parse(string line, DateTimeOffset fallbackTime)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        string kind = root.GetProperty(EventLogFields.Event).GetString() ?? "";
        return kind switch
        {
            EventLogFields.ApplicationStart => new SparkListenerApplicationStart(
                String(root, "App ID"), String(root, "App Name"), OptionalString(root, "User") ?? "", OptionalString(root, "Master") ?? "")
            { Time = Time(root, "Timestamp") },
            EventLogFields.ApplicationEnd => new SparkListenerApplicationEnd { Time = Time(root, "Timestamp") },
            EventLogFields.EnvironmentUpdate => new SparkListenerEnvironmentUpdate(
                Map(root, "Spark Properties"), Map(root, "JVM Information"))
            { Time = fallbackTime },
            EventLogFields.StorageSnapshot => new StorageSnapshotEvent(
                [.. root.GetProperty("RDD Storage Info").EnumerateArray().Select(RddStorage)])
            { Time = Time(root, "Timestamp") },
            EventLogFields.JobStart => JobStart(root),
            EventLogFields.JobEnd => JobEnd(root),
            EventLogFields.StageSubmitted => StageSubmitted(Stage(root.GetProperty("Stage Info")), fallbackTime),
            EventLogFields.StageCompleted => StageCompleted(Stage(root.GetProperty("Stage Info")), fallbackTime),
            EventLogFields.TaskStart => TaskStart(root),
            EventLogFields.TaskEnd => TaskEnd(root),
            _ => null,
        };
    }

    private static SparkListenerStageSubmitted StageSubmitted(StageInfo info, DateTimeOffset fallbackTime) =>
        new(info) { Time = info.SubmissionTime ?? fallbackTime };

    private static SparkListenerStageCompleted StageCompleted(StageInfo info, DateTimeOffset fallbackTime) =>
        new(info) { Time = info.CompletionTime ?? fallbackTime };

    private static SparkListenerJobStart JobStart(JsonElement root)
    {
        StageInfo[] stages = root.TryGetProperty("Stage Infos", out JsonElement infos)
            ? [.. infos.EnumerateArray().Select(Stage)]
            : [.. root.GetProperty("Stage IDs").EnumerateArray().Select(id => new StageInfo(id.GetInt32(), 0, "unknown", 0, false, [], []))];
        string? group = null, description = null;
        if (root.TryGetProperty("Properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object)
        {
            group = OptionalString(properties, EventLogFields.JobGroupProperty);
            description = OptionalString(properties, EventLogFields.JobDescriptionProperty);
        }
        return new SparkListenerJobStart(Int(root, "Job ID"), stages, group, description ?? stages.LastOrDefault()?.Name ?? "")
        {
            Time = Time(root, "Submission Time"),
        };
    }

    private static SparkListenerJobEnd JobEnd(JsonElement root)
    {
        JsonElement result = root.GetProperty("Job Result");
        bool succeeded = String(result, "Result") == "JobSucceeded";
        Exception? error = null;
        if (!succeeded)
        {
            JsonElement exception = result.TryGetProperty("Exception", out JsonElement e) ? e : default;
            error = exception.ValueKind == JsonValueKind.Object
                ? new LoggedException(OptionalString(exception, "Class Name") ?? "", OptionalString(exception, "Message") ?? "")
                : new LoggedException("", "Job failed");
        }
        return new SparkListenerJobEnd(Int(root, "Job ID"), succeeded, error) { Time = Time(root, "Completion Time") };
    }

    private static SparkListenerTaskStart TaskStart(JsonElement root)
    {
        JsonElement info = root.GetProperty("Task Info");
        return new SparkListenerTaskStart(Int(root, "Stage ID"), OptionalInt(root, "Stage Attempt ID") ?? 0, PartitionOf(info),
            Int(info, "Attempt"), Long(info, "Task ID"))
        {
            Time = Time(info, "Launch Time"),
        };
    }

    private static SparkListenerTaskEnd TaskEnd(JsonElement root)
    {
        JsonElement info = root.GetProperty("Task Info");
        JsonElement reason = root.GetProperty("Task End Reason");
        string kind = String(reason, "Reason");
        bool successful = kind == "Success";
        bool killed = kind == "TaskKilled";
        Exception? error = successful ? null : killed
            ? new LoggedException(typeof(OperationCanceledException).FullName!, OptionalString(reason, "Kill Reason") ?? "")
            : new LoggedException(OptionalString(reason, "Class Name") ?? kind, OptionalString(reason, "Description") ?? kind);
        var metrics = new TaskMetrics();
        if (root.TryGetProperty("Task Metrics", out JsonElement m) && m.ValueKind == JsonValueKind.Object)
        {
            metrics.Duration = TimeSpan.FromMilliseconds(OptionalLong(m, "Executor Run Time") ?? 0);
            metrics.PeakExecutionMemory = OptionalLong(m, "Peak Execution Memory") ?? 0;
            metrics.MemoryBytesSpilled = OptionalLong(m, "Memory Bytes Spilled") ?? 0;
            metrics.DiskBytesSpilled = OptionalLong(m, "Disk Bytes Spilled") ?? 0;
            long shuffleRecordsRead = 0, shuffleRecordsWritten = 0, recordsRead = 0, recordsWritten = 0;
            if (m.TryGetProperty("Shuffle Read Metrics", out JsonElement read))
            {
                metrics.ShuffleBytesRead = (OptionalLong(read, "Local Bytes Read") ?? 0) + (OptionalLong(read, "Remote Bytes Read") ?? 0);
                shuffleRecordsRead = OptionalLong(read, "Total Records Read") ?? 0;
            }
            if (m.TryGetProperty("Shuffle Write Metrics", out JsonElement write))
            {
                metrics.ShuffleBytesWritten = OptionalLong(write, "Shuffle Bytes Written") ?? 0;
                shuffleRecordsWritten = OptionalLong(write, "Shuffle Records Written") ?? 0;
            }
            if (m.TryGetProperty("Input Metrics", out JsonElement input)) recordsRead = OptionalLong(input, "Records Read") ?? 0;
            if (m.TryGetProperty("Output Metrics", out JsonElement output)) recordsWritten = OptionalLong(output, "Records Written") ?? 0;
            metrics.RecordsRead = recordsRead + shuffleRecordsRead;
            metrics.RecordsWritten = recordsWritten + shuffleRecordsWritten;
        }
        return new SparkListenerTaskEnd(Int(root, "Stage ID"), OptionalInt(root, "Stage Attempt ID") ?? 0, PartitionOf(info),
            Int(info, "Attempt"), Long(info, "Task ID"), successful, killed, error, metrics)
        {
            Time = Time(info, "Finish Time"),
        };
    }

    // Spark's logs before 3.3 carry only the index in the task set, which is the partition for a first attempt.
    private static int PartitionOf(JsonElement info) => OptionalInt(info, "Partition ID") is { } p and >= 0 ? p : Int(info, "Index");

    private static StageInfo Stage(JsonElement json)
    {
        RddInfo[] rdds = json.TryGetProperty("RDD Info", out JsonElement r)
            ? [.. r.EnumerateArray().Select(rdd => new RddInfo(Int(rdd, "RDD ID"), OptionalString(rdd, "Name") ?? "",
                OptionalString(rdd, "Callsite") ?? "", OptionalInt(rdd, "Number of Partitions") ?? 0, Ints(rdd, "Parent IDs")))]
            : [];
        return new StageInfo(Int(json, "Stage ID"), OptionalInt(json, "Stage Attempt ID") ?? 0, OptionalString(json, "Stage Name") ?? "",
            OptionalInt(json, "Number of Tasks") ?? 0, OptionalBool(json, "Shuffle Map Stage") ?? false, Ints(json, "Parent IDs"), rdds)
        {
            SubmissionTime = OptionalLong(json, "Submission Time") is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
            CompletionTime = OptionalLong(json, "Completion Time") is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : null,
            FailureReason = OptionalString(json, "Failure Reason"),
        };
    }

    private static RddStorageInfo RddStorage(JsonElement json)
    {
        JsonElement level = json.GetProperty("Storage Level");
        return new RddStorageInfo(Int(json, "RDD ID"), OptionalString(json, "Name") ?? "",
            LevelOf(OptionalBool(level, "Use Memory") ?? false, OptionalBool(level, "Use Disk") ?? false, OptionalBool(level, "Deserialized") ?? false),
            OptionalInt(json, "Number of Partitions") ?? 0, OptionalInt(json, "Number of Cached Partitions") ?? 0,
            OptionalLong(json, "Memory Size") ?? 0, OptionalLong(json, "Disk Size") ?? 0);
    }

    private static StorageLevel LevelOf(bool useMemory, bool useDisk, bool deserialized) => (useMemory, useDisk, deserialized) switch
    {
        (true, false, true) => StorageLevel.MemoryOnly,
        (true, false, false) => StorageLevel.MemoryOnlySerialized,
        (true, true, true) => StorageLevel.MemoryAndDisk,
        (true, true, false) => StorageLevel.MemoryAndDiskSerialized,
        (false, true, _) => StorageLevel.DiskOnly,
        _ => StorageLevel.None,
    };

    private static List<KeyValuePair<string, string>> Map(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement map) && map.ValueKind == JsonValueKind.Object
            ? [.. map.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString()))]
            : [];

    private static DateTimeOffset Time(JsonElement json, string name) =>
        DateTimeOffset.FromUnixTimeMilliseconds(OptionalLong(json, name) ?? 0);

    private static string String(JsonElement json, string name) =>
        json.GetProperty(name).GetString() ?? throw new InvalidOperationException($"'{name}' is null.");

    private static string? OptionalString(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement json, string name) => json.GetProperty(name).GetInt32();

    private static long Long(JsonElement json, string name) => json.GetProperty(name).GetInt64();

    private static int? OptionalInt(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static long? OptionalLong(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static bool? OptionalBool(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static int[] Ints(JsonElement json, string name) =>
        json.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => e.GetInt32())]
            : [];
}
