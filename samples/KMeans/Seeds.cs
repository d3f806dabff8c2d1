namespace MiniSpark.Samples.KMeans;

/// <summary>Derives independent generator seeds from the run's seed and a few indices (SplitMix64 finalizer), the
/// same on every machine and process (unlike <see cref="HashCode"/>).</summary>
internal static class Seeds
{
    public static int Derive(long seed, long a, long b = 0)
    {
        ulong x = Mix((ulong)seed ^ Mix((ulong)a + 0x9E3779B97F4A7C15UL) ^ Mix((ulong)b + 0xD1B54A32D192ED03UL));
        return (int)(x >> 33);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
