namespace MiniSpark.Formats.Arrow.FlatBuffers;

/// <summary>Something stored out of line in a FlatBuffers buffer and referenced by a uoffset: table, vector or string.</summary>
internal abstract class FlatObject
{
    /// <summary>Appends the object (and what it references) and returns the position uoffsets must point to.</summary>
    internal abstract int WriteTo(FlatBufferBuilder builder);
}
