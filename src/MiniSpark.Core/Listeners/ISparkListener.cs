namespace MiniSpark;

/// <summary>Receives scheduler events; register with <see cref="SparkContext.AddListener"/>.</summary>
/// <remarks>
/// Events arrive in order on one background thread (a stage's completion before its job's end), never on
/// the scheduler's thread, so a slow listener delays only later events. A listener that throws is logged
/// and skipped for that event. Every method has an empty default body: override what you need.
/// </remarks>
public interface ISparkListener
{
    /// <summary>A job was submitted; carries its stages.</summary>
    void OnJobStart(SparkListenerJobStart jobStart) { }

    /// <summary>A job succeeded, failed or was cancelled.</summary>
    void OnJobEnd(SparkListenerJobEnd jobEnd) { }

    /// <summary>A stage's tasks were handed to the executor.</summary>
    void OnStageSubmitted(SparkListenerStageSubmitted stageSubmitted) { }

    /// <summary>A stage finished, successfully or not (see <see cref="StageInfo.FailureReason"/>).</summary>
    void OnStageCompleted(SparkListenerStageCompleted stageCompleted) { }

    /// <summary>A task attempt started on an executor slot.</summary>
    void OnTaskStart(SparkListenerTaskStart taskStart) { }

    /// <summary>A task attempt ended; carries its metrics.</summary>
    void OnTaskEnd(SparkListenerTaskEnd taskEnd) { }
}
