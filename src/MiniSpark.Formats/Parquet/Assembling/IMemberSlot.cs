namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A record member's value for the record being built, filled from its struct field before the record is made.</summary>
internal interface IMemberSlot
{
    void Fill(int repetitionLevel);
}
