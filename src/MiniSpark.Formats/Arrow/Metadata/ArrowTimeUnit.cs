namespace MiniSpark.Formats.Arrow.Metadata;

/// <summary>Schema.fbs <c>TimeUnit</c>.</summary>
internal enum ArrowTimeUnit : short
{
    Second = 0,
    Millisecond = 1,
    Microsecond = 2,
    Nanosecond = 3,
}
