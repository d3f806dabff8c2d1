namespace MiniSpark.Formats.Parquet.Mapping;

/// <summary>Builds <see cref="decimal"/> values from Parquet's unscaled integers.</summary>
internal static class DecimalDecoding
{
    private static readonly Int128 Max96 = (Int128.One << 96) - 1;

    public const string OutOfRange = "A decimal value is outside System.Decimal's range.";

    /// <summary>The decimal <paramref name="unscaled"/> × 10^-<paramref name="scale"/>.</summary>
    /// <remarks>
    /// decimal holds 96 bits and scales up to 28. Larger values lose their least significant digits (rounded half
    /// away from zero), as any conversion to decimal does; only values whose integer part does not fit throw.
    /// </remarks>
    public static decimal FromUnscaled(Int128 unscaled, int scale) =>
        TryFromUnscaled(unscaled, scale, out decimal result) ? result : throw new OverflowException(OutOfRange);

    /// <summary><see cref="FromUnscaled"/>, false instead of throwing when the integer part does not fit.</summary>
    public static bool TryFromUnscaled(Int128 unscaled, int scale, out decimal result)
    {
        result = default;
        bool negative = unscaled < 0;
        // |Int128.MinValue| does not fit; it is far beyond decimal anyway.
        if (unscaled == Int128.MinValue) return false;
        Int128 magnitude = negative ? -unscaled : unscaled;
        int mostSignificantDropped = 0;
        while (magnitude > Max96 || scale > 28)
        {
            if (scale == 0) return false;
            (magnitude, Int128 remainder) = Int128.DivRem(magnitude, 10);
            mostSignificantDropped = (int)remainder; // the last digit dropped decides the rounding
            scale--;
        }
        if (mostSignificantDropped >= 5 && ++magnitude > Max96)
        {
            if (scale == 0) return false;
            magnitude = (magnitude + 5) / 10;
            scale--;
        }
        result = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
        return true;
    }

    /// <summary>Reads a big-endian two's complement integer of any length whose value fits 128 bits.</summary>
    public static Int128 ReadBigEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return Int128.Zero;
        bool negative = (bytes[0] & 0x80) != 0;
        if (bytes.Length > 16)
        {
            // Longer encodings are fine when the extra leading bytes only extend the sign.
            byte sign = negative ? (byte)0xFF : (byte)0;
            int extra = bytes.Length - 16;
            for (int i = 0; i < extra; i++)
            {
                if (bytes[i] != sign) throw new OverflowException("A decimal value is outside System.Decimal's range.");
            }
            bytes = bytes[extra..];
            if (((bytes[0] & 0x80) != 0) != negative) throw new OverflowException("A decimal value is outside System.Decimal's range.");
        }
        Int128 value = negative ? Int128.NegativeOne : Int128.Zero;
        foreach (byte b in bytes) value = (value << 8) | b;
        return value;
    }
}
