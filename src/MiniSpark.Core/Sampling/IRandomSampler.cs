namespace MiniSpark.Sampling;

/// <summary>Picks records of one partition using a generator the caller seeds per partition (Spark's RandomSampler).</summary>
internal interface IRandomSampler
{
    /// <summary>The sampled records of <paramref name="items"/>, in their order; lazy.</summary>
    IEnumerable<T> Sample<T>(IEnumerable<T> items, XorShiftRandom random);
}
