namespace MiniSpark.Scheduling;

// Building the stage graph. Lineages get deep (iterative algorithms), so every walk uses an explicit stack.
internal sealed partial class DagScheduler
{
    /// <summary>Shuffle edges bounding the stage ending at <paramref name="rdd"/>.
    /// For A ⇐ B ⇐ C (both shuffles), C gives only B→C.</summary>
    internal static List<ShuffleDependency> FindStageBoundaries(Rdd rdd)
    {
        var boundaries = new List<ShuffleDependency>();
        var visited = new HashSet<Rdd>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Rdd>([rdd]);
        while (pending.TryPop(out Rdd? current))
        {
            if (!visited.Add(current)) continue;
            foreach (Dependency dependency in current.Dependencies)
            {
                if (dependency is ShuffleDependency shuffle)
                {
                    if (!boundaries.Contains(shuffle)) boundaries.Add(shuffle);
                }
                else
                {
                    pending.Push(dependency.Rdd);
                }
            }
        }
        return boundaries;
    }

    private ResultStage CreateResultStage(ActiveJob job, Rdd rdd)
    {
        List<Stage> parents = GetOrCreateParentStages(rdd, job.JobId);
        var stage = new ResultStage(_nextStageId++, rdd, parents, job.JobId, job);
        _stages.Add(stage.Id, stage);
        AddJobToStages(job.JobId, stage);
        return stage;
    }

    private List<Stage> GetOrCreateParentStages(Rdd rdd, int firstJobId) =>
        [.. FindStageBoundaries(rdd).Select(d => GetOrCreateShuffleMapStage(d, firstJobId))];

    private ShuffleMapStage GetOrCreateShuffleMapStage(ShuffleDependency dependency, int firstJobId)
    {
        if (_shuffleStages.TryGetValue(dependency.ShuffleId, out ShuffleMapStage? existing)) return existing;

        // Post-order over ancestor shuffles: every stage is created after the stages it reads.
        var pending = new Stack<(ShuffleDependency Dependency, bool ParentsDone)>([(dependency, false)]);
        while (pending.TryPop(out var item))
        {
            if (_shuffleStages.ContainsKey(item.Dependency.ShuffleId)) continue;
            if (item.ParentsDone)
            {
                CreateShuffleMapStage(item.Dependency, firstJobId);
                continue;
            }
            pending.Push((item.Dependency, true));
            foreach (ShuffleDependency parent in FindStageBoundaries(item.Dependency.Rdd))
            {
                if (!_shuffleStages.ContainsKey(parent.ShuffleId)) pending.Push((parent, false));
            }
        }
        return _shuffleStages[dependency.ShuffleId];
    }

    private void CreateShuffleMapStage(ShuffleDependency dependency, int firstJobId)
    {
        List<Stage> parents = GetOrCreateParentStages(dependency.Rdd, firstJobId);
        var stage = new ShuffleMapStage(_nextStageId++, dependency.Rdd, parents, firstJobId, dependency, _mapOutputs);
        _mapOutputs.RegisterShuffle(dependency.ShuffleId, dependency.Rdd.NumPartitions);
        _stages.Add(stage.Id, stage);
        _shuffleStages.Add(dependency.ShuffleId, stage);
    }

    private static void AddJobToStages(int jobId, Stage finalStage)
    {
        var pending = new Stack<Stage>([finalStage]);
        while (pending.TryPop(out Stage? stage))
        {
            if (!stage.JobIds.Add(jobId)) continue;
            foreach (Stage parent in stage.Parents) pending.Push(parent);
        }
    }

    /// <summary>The job's stages, final stage first; each once.</summary>
    private static List<Stage> StagesOf(Stage finalStage)
    {
        var stages = new List<Stage>();
        var visited = new HashSet<Stage>();
        var pending = new Stack<Stage>([finalStage]);
        while (pending.TryPop(out Stage? stage))
        {
            if (!visited.Add(stage)) continue;
            stages.Add(stage);
            for (int i = stage.Parents.Count - 1; i >= 0; i--) pending.Push(stage.Parents[i]);
        }
        return stages;
    }

    /// <summary>Parent stages whose shuffle output is not all there yet.</summary>
    private List<Stage> GetMissingParentStages(Stage stage)
    {
        var missing = new List<Stage>();
        var visited = new HashSet<Rdd>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Rdd>([stage.Rdd]);
        while (pending.TryPop(out Rdd? rdd))
        {
            if (!visited.Add(rdd)) continue;
            foreach (Dependency dependency in rdd.Dependencies)
            {
                if (dependency is ShuffleDependency shuffle)
                {
                    ShuffleMapStage parent = GetOrCreateShuffleMapStage(shuffle, stage.FirstJobId);
                    if (!parent.IsAvailable && !missing.Contains(parent)) missing.Add(parent);
                }
                else
                {
                    pending.Push(dependency.Rdd);
                }
            }
        }
        return missing;
    }

    private static StageInfo DescribeStage(Stage stage, int attempt)
    {
        var rddInfos = new List<RddInfo>();
        var visited = new HashSet<Rdd>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Rdd>([stage.Rdd]);
        while (pending.TryPop(out Rdd? rdd))
        {
            if (!visited.Add(rdd)) continue;
            rddInfos.Add(new RddInfo(rdd.Id, rdd.Name ?? rdd.GetType().Name.Split('`')[0], rdd.CreationSite,
                rdd.NumPartitions, [.. rdd.Dependencies.Select(d => d.Rdd.Id)]));
            foreach (Dependency dependency in rdd.Dependencies)
            {
                if (dependency is not ShuffleDependency) pending.Push(dependency.Rdd);
            }
        }
        // A result stage runs only the partitions its job asks for (Take reads a few of many).
        int numTasks = stage is ResultStage result ? result.Job.Partitions.Count : stage.NumTasks;
        return new StageInfo(stage.Id, attempt, stage.Name, numTasks, stage is ShuffleMapStage,
            [.. stage.Parents.Select(p => p.Id)], rddInfos);
    }
}
