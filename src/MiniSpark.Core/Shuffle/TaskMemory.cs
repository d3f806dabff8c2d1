namespace MiniSpark.Shuffle;

/// <summary>The execution memory one spillable structure of a task holds, asked for as its estimated size grows.</summary>
internal sealed class TaskMemory(TaskContext context)
{
    public long Reserved { get; private set; }

    /// <summary>Makes sure <paramref name="estimatedBytes"/> are reserved, asking for headroom; false means spill.</summary>
    public bool Ensure(long estimatedBytes)
    {
        if (context.Memory is not { } memory) return true; // no budget: nothing to enforce (bare tests)
        if (estimatedBytes <= Reserved) return true;
        Reserved += memory.AcquireExecution(estimatedBytes * 2 - Reserved, context.TaskAttemptId);
        long held = memory.ExecutionUsedBy(context.TaskAttemptId);
        if (held > context.Metrics.PeakExecutionMemory) context.Metrics.PeakExecutionMemory = held;
        return Reserved >= estimatedBytes;
    }

    public void ReleaseAll()
    {
        if (Reserved == 0) return;
        context.Memory?.ReleaseExecution(Reserved, context.TaskAttemptId);
        Reserved = 0;
    }

    /// <summary>Records a spill in the task's metrics.</summary>
    public void CountSpill(long memoryBytes, long diskBytes)
    {
        context.Metrics.MemoryBytesSpilled += memoryBytes;
        context.Metrics.DiskBytesSpilled += diskBytes;
    }
}
