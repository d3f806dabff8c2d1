using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiniSpark.Ui.Rest;

// The shapes of Spark's monitoring API (org.apache.spark.status.api.v1), field for field where MiniSpark has the
// value; counters MiniSpark does not measure (CPU time, GC time, bytes of sources) are 0. Absent optional values are
// left out, as Spark's Jackson writer does. Dates are Spark's "2026-11-01T12:00:00.000GMT".

internal sealed record ApplicationInfo(string Id, string Name, IReadOnlyList<ApplicationAttemptInfo> Attempts);

internal sealed record ApplicationAttemptInfo(DateTimeOffset StartTime, DateTimeOffset EndTime, DateTimeOffset LastUpdated,
    long Duration, string SparkUser, bool Completed, string AppSparkVersion, long StartTimeEpoch, long EndTimeEpoch,
    long LastUpdatedEpoch);

internal sealed record JobData(int JobId, string Name, string? Description, DateTimeOffset? SubmissionTime,
    DateTimeOffset? CompletionTime, IReadOnlyList<int> StageIds, string? JobGroup, string Status, int NumTasks,
    int NumActiveTasks, int NumCompletedTasks, int NumSkippedTasks, int NumFailedTasks, int NumKilledTasks,
    int NumCompletedIndices, int NumActiveStages, int NumCompletedStages, int NumSkippedStages, int NumFailedStages,
    IReadOnlyDictionary<string, int> KilledTasksSummary);

internal sealed record StageData(string Status, int StageId, int AttemptId, int NumTasks, int NumActiveTasks,
    int NumCompleteTasks, int NumFailedTasks, int NumKilledTasks, int NumCompletedIndices, DateTimeOffset? SubmissionTime,
    DateTimeOffset? FirstTaskLaunchedTime, DateTimeOffset? CompletionTime, string? FailureReason, long ExecutorDeserializeTime,
    long ExecutorDeserializeCpuTime, long ExecutorRunTime, long ExecutorCpuTime, long ResultSize, long JvmGcTime,
    long ResultSerializationTime, long MemoryBytesSpilled, long DiskBytesSpilled, long PeakExecutionMemory, long InputBytes,
    long InputRecords, long OutputBytes, long OutputRecords, long ShuffleRemoteBlocksFetched, long ShuffleLocalBlocksFetched,
    long ShuffleFetchWaitTime, long ShuffleRemoteBytesRead, long ShuffleRemoteBytesReadToDisk, long ShuffleLocalBytesRead,
    long ShuffleReadBytes, long ShuffleReadRecords, long ShuffleWriteBytes, long ShuffleWriteTime, long ShuffleWriteRecords,
    string Name, string Details, string SchedulingPool, IReadOnlyList<int> RddIds, IReadOnlyList<object> AccumulatorUpdates,
    IReadOnlyDictionary<string, TaskData>? Tasks, IReadOnlyDictionary<string, int> KilledTasksSummary, int ResourceProfileId);

internal sealed record TaskData(long TaskId, int Index, int Attempt, int PartitionId, DateTimeOffset LaunchTime,
    long? Duration, string ExecutorId, string Host, string Status, string TaskLocality, bool Speculative,
    IReadOnlyList<object> AccumulatorUpdates, string? ErrorMessage, TaskMetricsData? TaskMetrics,
    IReadOnlyDictionary<string, string> ExecutorLogs, long SchedulerDelay, long GettingResultTime);

internal sealed record TaskMetricsData(long ExecutorDeserializeTime, long ExecutorDeserializeCpuTime, long ExecutorRunTime,
    long ExecutorCpuTime, long ResultSize, long JvmGcTime, long ResultSerializationTime, long MemoryBytesSpilled,
    long DiskBytesSpilled, long PeakExecutionMemory, InputMetrics InputMetrics, OutputMetrics OutputMetrics,
    ShuffleReadMetrics ShuffleReadMetrics, ShuffleWriteMetrics ShuffleWriteMetrics);

internal sealed record InputMetrics(long BytesRead, long RecordsRead);

internal sealed record OutputMetrics(long BytesWritten, long RecordsWritten);

internal sealed record ShuffleReadMetrics(long RemoteBlocksFetched, long LocalBlocksFetched, long FetchWaitTime,
    long RemoteBytesRead, long RemoteBytesReadToDisk, long LocalBytesRead, long RecordsRead);

internal sealed record ShuffleWriteMetrics(long BytesWritten, long WriteTime, long RecordsWritten);

internal sealed record TaskMetricDistributions(IReadOnlyList<double> Quantiles, double[] Duration,
    double[] ExecutorDeserializeTime, double[] ExecutorDeserializeCpuTime, double[] ExecutorRunTime, double[] ExecutorCpuTime,
    double[] ResultSize, double[] JvmGcTime, double[] ResultSerializationTime, double[] GettingResultTime,
    double[] SchedulerDelay, double[] PeakExecutionMemory, double[] MemoryBytesSpilled, double[] DiskBytesSpilled,
    InputMetricDistributions InputMetrics, OutputMetricDistributions OutputMetrics,
    ShuffleReadMetricDistributions ShuffleReadMetrics, ShuffleWriteMetricDistributions ShuffleWriteMetrics);

internal sealed record InputMetricDistributions(double[] BytesRead, double[] RecordsRead);

internal sealed record OutputMetricDistributions(double[] BytesWritten, double[] RecordsWritten);

internal sealed record ShuffleReadMetricDistributions(double[] ReadBytes, double[] ReadRecords, double[] RemoteBlocksFetched,
    double[] LocalBlocksFetched, double[] FetchWaitTime, double[] RemoteBytesRead, double[] RemoteBytesReadToDisk,
    double[] TotalBlocksFetched);

internal sealed record ShuffleWriteMetricDistributions(double[] WriteBytes, double[] WriteRecords, double[] WriteTime);

internal sealed record RddStorageData(int Id, string Name, int NumPartitions, int NumCachedPartitions, string StorageLevel,
    long MemoryUsed, long DiskUsed);

internal sealed record ApplicationEnvironmentInfo(RuntimeInfo Runtime, IReadOnlyList<string[]> SparkProperties,
    IReadOnlyList<string[]> HadoopProperties, IReadOnlyList<string[]> SystemProperties, IReadOnlyList<string[]> MetricsProperties,
    IReadOnlyList<string[]> ClasspathEntries);

internal sealed record RuntimeInfo(string JavaVersion, string JavaHome, string ScalaVersion);

internal sealed record ExecutorSummary(string Id, string HostPort, bool IsActive, int RddBlocks, long MemoryUsed, long DiskUsed,
    int TotalCores, int MaxTasks, int ActiveTasks, int FailedTasks, int CompletedTasks, int TotalTasks, long TotalDuration,
    long TotalGCTime, long TotalInputBytes, long TotalShuffleRead, long TotalShuffleWrite, bool IsBlacklisted, long MaxMemory,
    DateTimeOffset AddTime, IReadOnlyDictionary<string, string> ExecutorLogs, bool IsExcluded);

internal sealed record VersionInfo(string Spark);

/// <summary>Spark's JSON date format: UTC, milliseconds, a literal <c>GMT</c>.</summary>
internal sealed class SparkDateConverter : JsonConverter<DateTimeOffset>
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'GMT'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.ParseExact(reader.GetString()!, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString(Pattern, CultureInfo.InvariantCulture));
}
