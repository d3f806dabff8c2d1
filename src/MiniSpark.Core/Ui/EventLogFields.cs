namespace MiniSpark.Ui;

/// <summary>Names in the event log's JSON, after Spark's <c>JsonProtocol</c>, so that tools written for Spark's
/// event logs find the fields they know.</summary>
internal static class EventLogFields
{
    public const string Event = "Event";
    public const string LogStart = "SparkListenerLogStart";
    public const string ApplicationStart = "SparkListenerApplicationStart";
    public const string ApplicationEnd = "SparkListenerApplicationEnd";
    public const string EnvironmentUpdate = "SparkListenerEnvironmentUpdate";
    public const string JobStart = "SparkListenerJobStart";
    public const string JobEnd = "SparkListenerJobEnd";
    public const string StageSubmitted = "SparkListenerStageSubmitted";
    public const string StageCompleted = "SparkListenerStageCompleted";
    public const string TaskStart = "SparkListenerTaskStart";
    public const string TaskEnd = "SparkListenerTaskEnd";
    // Not Spark's: what the persisted datasets held after a job (Spark logs block updates instead).
    public const string StorageSnapshot = "MiniSparkStorageSnapshot";

    public const string JobGroupProperty = "spark.jobGroup.id";
    public const string JobDescriptionProperty = "spark.job.description";

    /// <summary>The suffix of a log whose application is still running (or died without stopping its context).</summary>
    public const string InProgressSuffix = ".inprogress";
}
