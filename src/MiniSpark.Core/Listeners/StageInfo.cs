namespace MiniSpark;

/// <summary>What listeners see of a stage: identity, size, datasets and outcome.</summary>
/// <param name="StageId">The stage.</param>
/// <param name="AttemptNumber">Which attempt of the stage (0 first).</param>
/// <param name="Name">The operator that ends the stage.</param>
/// <param name="NumTasks">Partitions of the stage's dataset.</param>
/// <param name="IsShuffleMap">Whether the stage writes shuffle output (rather than computing a job's result).</param>
/// <param name="ParentIds">Stages whose output this stage reads.</param>
/// <param name="RddInfos">The datasets computed inside this stage, the last one first.</param>
public sealed record StageInfo(int StageId, int AttemptNumber, string Name, int NumTasks, bool IsShuffleMap,
    IReadOnlyList<int> ParentIds, IReadOnlyList<RddInfo> RddInfos)
{
    /// <summary>When the stage was submitted; null for a stage the job skipped.</summary>
    public DateTimeOffset? SubmissionTime { get; init; }

    /// <summary>When the stage completed or failed; null while running.</summary>
    public DateTimeOffset? CompletionTime { get; init; }

    /// <summary>Why the stage failed; null when it succeeded or is still running.</summary>
    public string? FailureReason { get; init; }
}

/// <summary>A dataset as listeners see it.</summary>
/// <param name="Id">The dataset's <see cref="Rdd.Id"/>.</param>
/// <param name="Name">The dataset's <see cref="Rdd.Name"/>, or its type name when unnamed.</param>
/// <param name="CreationSite">The operator that created it.</param>
/// <param name="NumPartitions">Its partition count.</param>
/// <param name="ParentIds">Ids of the datasets it depends on.</param>
public sealed record RddInfo(int Id, string Name, string CreationSite, int NumPartitions, IReadOnlyList<int> ParentIds);
