namespace MiniSpark.Sampling;

/// <summary>How large a fraction to sample so a sample is at least a given size with high probability
/// (Spark's SamplingUtils.computeFractionForSampleSize, PoissonBounds and BinomialBounds).</summary>
internal static class SampleSizeBounds
{
    /// <summary>A fraction of <paramref name="total"/> records whose sample has at least <paramref name="sampleSize"/>
    /// records with probability about 0.9999.</summary>
    public static double FractionFor(int sampleSize, long total, bool withReplacement)
    {
        if (withReplacement) return PoissonUpperBound(sampleSize) / total;
        double fraction = (double)sampleSize / total;
        return BinomialUpperBound(1e-4, total, fraction);
    }

    // Poisson(s) stays below this with overwhelming probability; wider for small s, where the normal
    // approximation is poor.
    private static double PoissonUpperBound(double s)
    {
        double numStd = s < 6.0 ? 12.0 : s < 16.0 ? 9.0 : 6.0;
        return Math.Max(s + numStd * Math.Sqrt(s), 1e-10);
    }

    // A rate p with P[Binomial(n, p) < fraction * n] <= delta (a Chernoff bound), capped at 1.
    private static double BinomialUpperBound(double delta, long n, double fraction)
    {
        double gamma = -Math.Log(delta) / n;
        return Math.Min(1.0, Math.Max(1e-10, fraction + gamma + Math.Sqrt(gamma * gamma + 2 * gamma * fraction)));
    }
}
