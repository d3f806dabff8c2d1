namespace MiniSpark.Formats.Arrow.Columns;

/// <summary>Converts between <see cref="decimal"/> and Arrow's Decimal128: a two's complement unscaled integer plus a scale.</summary>
/// <remarks>
/// <see cref="decimal"/> holds a 96-bit magnitude with scale 0..28, Decimal128 up to 38 digits at any scale. Writing
/// rounds half away from zero to the column's scale (as Spark's HALF_UP) and fails past its precision. Reading is exact
/// when the value fits a <see cref="decimal"/>; otherwise it drops fraction digits with the same rounding, and fails only
/// when the integer part itself does not fit.
/// </remarks>
internal static class ArrowDecimal
{
    private static readonly UInt128[] PowersOfTen = CreatePowersOfTen();
    private static readonly UInt128 DecimalLimit = UInt128.One << 96;

    private static UInt128[] CreatePowersOfTen()
    {
        var powers = new UInt128[39];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++) powers[i] = powers[i - 1] * 10;
        return powers;
    }

    /// <summary>The unscaled value of <paramref name="value"/> at <paramref name="scale"/>; false when it exceeds <paramref name="precision"/> digits.</summary>
    public static bool TryToUnscaled(decimal value, int precision, int scale, out Int128 unscaled)
    {
        if (value.Scale > scale) value = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        UInt128 magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        int shift = scale - ((bits[3] >> 16) & 0xFF);
        unscaled = default;
        if (shift >= PowersOfTen.Length && magnitude != 0) return false;
        if (magnitude != 0)
        {
            UInt128 factor = PowersOfTen[shift];
            if (magnitude > UInt128.MaxValue / factor) return false;
            magnitude *= factor;
        }
        if (magnitude >= PowersOfTen[Math.Min(precision, 38)]) return false;
        unscaled = bits[3] < 0 ? -(Int128)magnitude : (Int128)magnitude;
        return true;
    }

    /// <summary>The <see cref="decimal"/> for <paramref name="unscaled"/> at <paramref name="scale"/>; false when its integer part is too large.</summary>
    public static bool TryFromUnscaled(Int128 unscaled, int scale, out decimal value)
    {
        value = 0m;
        bool negative = unscaled < 0;
        UInt128 magnitude = negative ? UInt128.Zero - (UInt128)unscaled : (UInt128)unscaled;
        if (magnitude == 0) return true;
        if (scale < 0)
        {
            if (scale <= -PowersOfTen.Length || magnitude > UInt128.MaxValue / PowersOfTen[-scale]) return false; // compared first: -int.MinValue overflows
            magnitude *= PowersOfTen[-scale];
            scale = 0;
        }
        int drop = Math.Max(0, scale - 28);
        while (true)
        {
            if (drop >= PowersOfTen.Length) return true; // every digit is a fraction digit beyond 10^-28: rounds to zero
            UInt128 divisor = PowersOfTen[drop];
            UInt128 quotient = magnitude / divisor, remainder = magnitude % divisor;
            if (drop > 0 && remainder >= divisor - remainder) quotient++; // remainder >= divisor / 2, without overflow
            if (quotient < DecimalLimit)
            {
                value = new decimal((int)(uint)quotient, (int)(uint)(quotient >> 32), (int)(uint)(quotient >> 64), negative, (byte)(scale - drop));
                return true;
            }
            if (drop == scale) return false;
            drop++;
        }
    }
}
