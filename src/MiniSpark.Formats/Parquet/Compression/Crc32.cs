namespace MiniSpark.Formats.Parquet.Compression;

/// <summary>The standard CRC-32 (polynomial 0x04C11DB7, reflected, as in gzip) that Parquet page headers carry.</summary>
/// <remarks>System.IO.Hashing is not part of the shared framework, so this small slicing-by-4 version stands in.</remarks>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        uint[] table = Table;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            crc ^= (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            crc = table[768 + (crc & 0xFF)] ^ table[512 + ((crc >> 8) & 0xFF)] ^ table[256 + ((crc >> 16) & 0xFF)] ^ table[crc >> 24];
        }
        for (; i < data.Length; i++) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[1024];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        for (int n = 0; n < 256; n++)
        {
            for (int t = 1; t < 4; t++) table[t * 256 + n] = table[(t - 1) * 256 + n] >> 8 ^ table[table[(t - 1) * 256 + n] & 0xFF];
        }
        return table;
    }
}
