namespace MiniSpark.Checkpointing;

/// <summary>A dataset's checkpoint: marked, then (after the next job that computes it) written and materialized.</summary>
internal sealed class CheckpointState(string directory)
{
    /// <summary>Where the partition files go: one folder per dataset.</summary>
    public string Directory { get; } = directory;

    /// <summary>The dataset that reads the written files; null until the checkpoint is materialized.</summary>
    public Rdd? CheckpointRdd { get; set; }

    public bool IsMaterialized => CheckpointRdd is not null;
}
