namespace MiniSpark.Formats.Mapping;

/// <summary>Where a format's reader takes the values of one record from, member by member (see
/// <see cref="RecordShape{T}.CompileReader{TSource}"/>). Typed: no boxing per value.</summary>
internal interface IRecordSource
{
    /// <summary>Whether the input has a column for member <paramref name="member"/> (an index into
    /// <see cref="RecordShape{T}.Members"/>); a member without one keeps its default value.</summary>
    bool Has(int member);

    /// <summary>The value of member <paramref name="member"/> in the current record.</summary>
    TValue Read<TValue>(int member);
}

/// <summary>Where a format's writer puts the values of one record, member by member (see
/// <see cref="RecordShape{T}.CompileWriter{TSink}"/>).</summary>
internal interface IRecordSink
{
    /// <summary>Takes the value of member <paramref name="member"/> (an index into <see cref="RecordShape{T}.Members"/>).</summary>
    void Write<TValue>(int member, TValue value);
}
