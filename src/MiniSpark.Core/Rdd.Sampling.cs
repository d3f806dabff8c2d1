using MiniSpark.Rdds;
using MiniSpark.Sampling;

namespace MiniSpark;

// Random samples (Spark's sample, randomSplit, takeSample). Every sampler draws from a generator seeded with
// seed + partition index, and a missing seed is drawn once, when the dataset is defined: recomputing a partition
// (a retry, another action) yields the same sample.
public abstract partial class Rdd<T>
{
    /// <summary>A random sample of about <paramref name="fraction"/> of the records.</summary>
    /// <param name="withReplacement">False: each record is kept at most once, with probability <paramref name="fraction"/>
    /// (Bernoulli sampling). True: each record appears a Poisson(<paramref name="fraction"/>)-distributed number of times.</param>
    /// <param name="fraction">Without replacement, the probability of keeping a record, in [0, 1]; with replacement, the
    /// expected number of copies of a record, at least 0.</param>
    /// <param name="seed">Seeds the generators (partition <c>i</c> uses <c>seed + i</c>); null for a random seed, drawn once.</param>
    /// <remarks>The size of the sample is random, not exactly <c>fraction × Count()</c>; use <see cref="TakeSample"/> for
    /// an exact size. Same partitions and partitioner as this dataset.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is negative, not finite, or above 1 without replacement.</exception>
    public Rdd<T> Sample(bool withReplacement, double fraction, long? seed = null)
    {
        if (!double.IsFinite(fraction) || fraction < 0 || (!withReplacement && fraction > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, withReplacement
                ? "A fraction sampled with replacement must be a finite number >= 0."
                : "A fraction sampled without replacement must be in [0, 1].");
        }
        IRandomSampler sampler = withReplacement ? new PoissonSampler(fraction) : new BernoulliSampler(fraction);
        return new PartitionwiseSampledRdd<T>(this, sampler, seed ?? Random.Shared.NextInt64()).At(nameof(Sample));
    }

    /// <summary>Splits the records at random into datasets whose sizes are in proportion to <paramref name="weights"/>.</summary>
    /// <remarks>
    /// <para>The weights are normalised to cumulative bounds <c>0 = b0 &lt; b1 &lt; … = 1</c>; every record draws one
    /// uniform number, the same in every split, and belongs to the split whose interval holds it: the splits are
    /// disjoint and together hold every record exactly once (Spark's BernoulliCellSampler).</para>
    /// <para>Each split reads this dataset again; cache it first when it is expensive, and make sure it computes the same
    /// records in the same order each time, or the splits may overlap or miss records. Each split has this dataset's
    /// partitions and partitioner.</para>
    /// </remarks>
    /// <param name="weights">Relative sizes, each at least 0, with a positive sum.</param>
    /// <param name="seed">Seeds the generators; null for a random seed, drawn once.</param>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or the weights sum to 0.</exception>
    public Rdd<T>[] RandomSplit(double[] weights, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        double sum = 0;
        foreach (double weight in weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"Weights must be finite and at least 0, but got [{string.Join(", ", weights)}].", nameof(weights));
            sum += weight;
        }
        if (!(sum > 0) || !double.IsFinite(sum))
            throw new ArgumentException($"The weights must have a positive, finite sum, but got [{string.Join(", ", weights)}].", nameof(weights));

        long fixedSeed = seed ?? Random.Shared.NextInt64();
        var splits = new Rdd<T>[weights.Length];
        double lower = 0;
        double cumulative = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            // The last bound is exactly 1: rounding must not leave draws just below 1 in no split.
            double upper = i == weights.Length - 1 ? 1.0 : cumulative / sum;
            splits[i] = new PartitionwiseSampledRdd<T>(this, new BernoulliCellSampler(lower, upper), fixedSeed).At(nameof(RandomSplit));
            lower = upper;
        }
        return splits;
    }

    // Spark's limit: the oversampled fraction must still produce an array-sized sample.
    private static readonly int MaxSampleSize = int.MaxValue - (int)(10.0 * Math.Sqrt(int.MaxValue));

    /// <summary>Exactly <paramref name="num"/> records chosen at random (fewer only without replacement, when the dataset
    /// is smaller), in random order.</summary>
    /// <remarks>Spark's algorithm: count the records (one job); without replacement and with <paramref name="num"/> at
    /// least the count, shuffle all of them; otherwise <see cref="Sample"/> a fraction big enough to yield
    /// <paramref name="num"/> records with probability 0.9999, retrying with a new seed in the rare case it did not,
    /// and keep a random <paramref name="num"/> of them. Only the sample reaches the caller.</remarks>
    /// <param name="withReplacement">Whether a record may be picked more than once.</param>
    /// <param name="num">How many records to return.</param>
    /// <param name="seed">Seeds every random choice; null for a random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="num"/> is negative or too large to sample.</exception>
    public T[] TakeSample(bool withReplacement, int num, long? seed = null) =>
        TakeSampleCore(withReplacement, num, seed, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="TakeSample"/>.</summary>
    public Task<T[]> TakeSampleAsync(bool withReplacement, int num, long? seed = null, CancellationToken cancellationToken = default) =>
        TakeSampleCore(withReplacement, num, seed, false, cancellationToken).AsTask();

    private async ValueTask<T[]> TakeSampleCore(bool withReplacement, int num, long? seed, bool sync,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(num, MaxSampleSize);
        if (num == 0) return [];
        long total = await CountCore(sync, cancellationToken).ConfigureAwait(false);
        if (total == 0) return [];

        var random = new XorShiftRandom(seed ?? Random.Shared.NextInt64());
        if (!withReplacement && num >= total)
            return ShuffleInPlace(await CollectCore(sync, cancellationToken).ConfigureAwait(false), random);

        double fraction = SampleSizeBounds.FractionFor(num, total, withReplacement);
        T[] samples;
        do
        {
            // Rare: the oversampling makes a second round a one-in-ten-thousand event.
            cancellationToken.ThrowIfCancellationRequested();
            samples = await Sample(withReplacement, fraction, random.NextInt64()).CollectCore(sync, cancellationToken)
                .ConfigureAwait(false);
        }
        while (samples.Length < num);
        ShuffleInPlace(samples, random);
        return samples.Length == num ? samples : samples[..num];
    }

    // Fisher-Yates: every permutation equally likely.
    private static T[] ShuffleInPlace(T[] items, XorShiftRandom random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
