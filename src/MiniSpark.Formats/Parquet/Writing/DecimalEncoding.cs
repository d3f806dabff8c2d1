namespace MiniSpark.Formats.Parquet.Writing;

/// <summary>Turns <see cref="decimal"/> values into the unscaled integers a DECIMAL(precision, scale) column stores.</summary>
internal static class DecimalEncoding
{
    private static readonly Int128[] Powers = BuildPowers();

    /// <summary>10^<paramref name="exponent"/> for 0..38.</summary>
    public static Int128 Pow10(int exponent) => Powers[exponent];

    /// <summary>The unscaled value of <paramref name="value"/> at <paramref name="scale"/>, rounded half away from zero (as Spark casts).</summary>
    /// <returns>False when the value needs more than <paramref name="precision"/> digits.</returns>
    public static bool TryToUnscaled(decimal value, int precision, int scale, out Int128 unscaled)
    {
        // decimal holds at most 28 fraction digits, so only smaller scales can require rounding.
        if (scale < 28) value = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        Int128 mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        int valueScale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        Int128 limit = Powers[precision] - 1;
        if (valueScale > scale)
        {
            unscaled = default;
            return false; // unreachable after rounding; kept so the arithmetic below stays obviously safe
        }
        Int128 factor = Powers[scale - valueScale];
        if (mantissa > limit / factor)
        {
            unscaled = default;
            return false;
        }
        unscaled = mantissa * factor;
        if (negative) unscaled = -unscaled;
        return true;
    }

    /// <summary>Writes <paramref name="value"/> as a big-endian two's complement integer filling <paramref name="target"/>.</summary>
    public static void WriteBigEndian(Int128 value, Span<byte> target)
    {
        for (int i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)value;
            value >>= 8; // arithmetic shift keeps the sign for the leading bytes
        }
    }

    private static Int128[] BuildPowers()
    {
        var powers = new Int128[39];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++) powers[i] = powers[i - 1] * 10;
        return powers;
    }
}
