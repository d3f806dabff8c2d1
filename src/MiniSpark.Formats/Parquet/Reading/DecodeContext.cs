namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>Where decoding is happening, for error messages: file, column and the byte offset of the data being decoded.</summary>
internal readonly record struct DecodeContext(string Source, string Column, long Offset)
{
    public InvalidDataException Error(string message) => ParquetErrors.Invalid(Source, Offset, $"column '{Column}': {message}");

    public InvalidDataException Error(long offset, string message) => ParquetErrors.Invalid(Source, offset, $"column '{Column}': {message}");

    public DecodeContext At(long offset) => this with { Offset = offset };
}
