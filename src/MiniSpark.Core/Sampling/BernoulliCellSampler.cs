namespace MiniSpark.Sampling;

/// <summary>Keeps a record when its uniform draw falls in <c>[lowerBound, upperBound)</c>: one cell of a partition of [0, 1).</summary>
/// <remarks>RandomSplit gives every split the same seed, so each record draws the same number in every split and
/// falls in exactly one cell: the splits are disjoint and together hold every record (Spark's BernoulliCellSampler).</remarks>
internal sealed class BernoulliCellSampler(double lowerBound, double upperBound) : IRandomSampler
{
    public IEnumerable<T> Sample<T>(IEnumerable<T> items, XorShiftRandom random) =>
        upperBound - lowerBound <= 0.0 ? [] : Keep(items, random, lowerBound, upperBound);

    private static IEnumerable<T> Keep<T>(IEnumerable<T> items, XorShiftRandom random, double lowerBound, double upperBound)
    {
        foreach (T item in items)
        {
            double x = random.NextDouble();
            if (x >= lowerBound && x < upperBound) yield return item;
        }
    }
}
