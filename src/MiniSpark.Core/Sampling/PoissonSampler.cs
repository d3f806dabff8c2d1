namespace MiniSpark.Sampling;

/// <summary>Sampling with replacement: each record appears a Poisson(<c>fraction</c>) number of times.</summary>
/// <remarks>As in Spark, the expected size is <c>fraction × count</c> and a record's copies are independent of others'.</remarks>
internal sealed class PoissonSampler(double fraction) : IRandomSampler
{
    // exp(-500) is far above the smallest double, so a product of uniforms never underflows within one chunk.
    private const double MaxChunk = 500.0;

    public IEnumerable<T> Sample<T>(IEnumerable<T> items, XorShiftRandom random) =>
        fraction <= 0.0 ? [] : Repeat(items, random, fraction);

    private static IEnumerable<T> Repeat<T>(IEnumerable<T> items, XorShiftRandom random, double fraction)
    {
        foreach (T item in items)
        {
            long copies = Next(random, fraction);
            for (long i = 0; i < copies; i++) yield return item;
        }
    }

    /// <summary>A Poisson(<paramref name="mean"/>) draw by Knuth's product of uniforms, in chunks of at most
    /// <see cref="MaxChunk"/> (Poisson variables add up). O(mean) time, the size of the output anyway.</summary>
    internal static long Next(XorShiftRandom random, double mean)
    {
        long total = 0;
        double left = mean;
        while (left > 0)
        {
            double chunk = Math.Min(left, MaxChunk);
            left -= chunk;
            double limit = Math.Exp(-chunk);
            double product = random.NextDouble();
            while (product > limit)
            {
                total++;
                product *= random.NextDouble();
            }
        }
        return total;
    }
}
