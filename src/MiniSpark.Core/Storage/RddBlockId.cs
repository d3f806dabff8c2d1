namespace MiniSpark.Storage;

/// <summary>Names one stored partition of one dataset.</summary>
internal readonly record struct RddBlockId(int RddId, int Partition)
{
    public string FileName => $"rdd_{RddId}_{Partition}";

    public override string ToString() => FileName;
}
