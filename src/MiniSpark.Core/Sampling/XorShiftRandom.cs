namespace MiniSpark.Sampling;

/// <summary>A small, fast, seedable generator for samplers (xoshiro256**, seeded through SplitMix64).</summary>
/// <remarks>
/// <para>Samplers need a generator seeded from a <see cref="long"/> and reproducible across runs and .NET versions;
/// <see cref="Random"/> takes only an <see cref="int"/> seed. Spark uses its XORShiftRandom for the same reason.</para>
/// <para>The seed is scrambled with SplitMix64, so neighbouring seeds (<c>seed + partitionIndex</c>) give unrelated
/// streams. Not thread-safe: each task owns its own instance.</para>
/// </remarks>
internal sealed class XorShiftRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public XorShiftRandom(long seed)
    {
        ulong state = (ulong)seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A random long, any value.</summary>
    public long NextInt64() => (long)NextUInt64();

    /// <summary>A uniform double in [0, 1): the top 53 bits, so every value is equally likely.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform int in [0, <paramref name="bound"/>).</summary>
    public int NextInt(int bound)
    {
        System.Diagnostics.Debug.Assert(bound > 0);
        // Lemire's multiply-shift: the bias is at most bound / 2^32, far below what any sampler can observe.
        return (int)(((NextUInt64() >> 32) * (ulong)bound) >> 32);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
