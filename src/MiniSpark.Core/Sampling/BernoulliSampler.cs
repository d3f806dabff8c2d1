namespace MiniSpark.Sampling;

/// <summary>Sampling without replacement: each record is kept, independently, with probability <c>fraction</c>.</summary>
internal sealed class BernoulliSampler(double fraction) : IRandomSampler
{
    public IEnumerable<T> Sample<T>(IEnumerable<T> items, XorShiftRandom random) =>
        // As Spark: the edge fractions neither read the parent needlessly nor spend random numbers.
        fraction <= 0.0 ? [] : fraction >= 1.0 ? items : Keep(items, random, fraction);

    private static IEnumerable<T> Keep<T>(IEnumerable<T> items, XorShiftRandom random, double fraction)
    {
        foreach (T item in items)
        {
            if (random.NextDouble() < fraction) yield return item;
        }
    }
}
