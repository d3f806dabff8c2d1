using MiniSpark.Formats.Arrow.Columns;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>Lossless conversions a typed reader applies when a file's column type is narrower than the property's.</summary>
/// <remarks>Files written by other tools often use a narrower integer or float type; converting once per batch keeps the
/// compiled mapper to one exact type per property.</remarks>
internal static class ArrowWidening
{
    private static readonly Dictionary<(Type From, Type To), Func<ArrowColumn, ArrowColumn>> Conversions = new()
    {
        [(typeof(int), typeof(long))] = c => ((ArrowColumn<int>)c).Convert(v => (long)v),
        [(typeof(short), typeof(long))] = c => ((ArrowColumn<short>)c).Convert(v => (long)v),
        [(typeof(sbyte), typeof(long))] = c => ((ArrowColumn<sbyte>)c).Convert(v => (long)v),
        [(typeof(byte), typeof(long))] = c => ((ArrowColumn<byte>)c).Convert(v => (long)v),
        [(typeof(ushort), typeof(long))] = c => ((ArrowColumn<ushort>)c).Convert(v => (long)v),
        [(typeof(uint), typeof(long))] = c => ((ArrowColumn<uint>)c).Convert(v => (long)v),
        [(typeof(short), typeof(int))] = c => ((ArrowColumn<short>)c).Convert(v => (int)v),
        [(typeof(sbyte), typeof(int))] = c => ((ArrowColumn<sbyte>)c).Convert(v => (int)v),
        [(typeof(byte), typeof(int))] = c => ((ArrowColumn<byte>)c).Convert(v => (int)v),
        [(typeof(ushort), typeof(int))] = c => ((ArrowColumn<ushort>)c).Convert(v => (int)v),
        [(typeof(sbyte), typeof(short))] = c => ((ArrowColumn<sbyte>)c).Convert(v => (short)v),
        [(typeof(byte), typeof(short))] = c => ((ArrowColumn<byte>)c).Convert(v => (short)v),
        [(typeof(float), typeof(double))] = c => ((ArrowColumn<float>)c).Convert(v => (double)v),
        [(typeof(Half), typeof(double))] = c => ((ArrowColumn<Half>)c).Convert(v => (double)v),
        [(typeof(Half), typeof(float))] = c => ((ArrowColumn<Half>)c).Convert(v => (float)v),
        [(typeof(int), typeof(double))] = c => ((ArrowColumn<int>)c).Convert(v => (double)v),
    };

    /// <summary>The conversion from <paramref name="from"/> to <paramref name="to"/>; null when none is needed or none exists.</summary>
    public static bool TryGet(Type from, Type to, out Func<ArrowColumn, ArrowColumn>? convert)
    {
        convert = null;
        return from == to || Conversions.TryGetValue((from, to), out convert);
    }
}
