namespace MiniSpark.Internal;

// Message text of the serialization layer and the size estimator. SR is partial: each area keeps its own file.
internal static partial class SR
{
    private const string RegisterHint =
        "Register a codec with RecordCodecs.Register<T>(RecordCodec<T>) (or RecordCodecs.RegisterGeneric for a generic type definition).";

    public static string TypeNotSerializable(Type type, string reason) =>
        $"Type '{TypeName(type)}' cannot be serialized: {reason}. {RegisterHint}";

    public static string MemberNotSerializable(Type owner, string member, Type memberType, string inner) =>
        $"Type '{TypeName(owner)}' cannot be serialized: its member '{member}' of type '{TypeName(memberType)}' is not serializable. {inner}";

    public const string ReasonDelegate = "delegates are code, not data";
    public const string ReasonPointer = "pointers and native handles (IntPtr, UIntPtr) are process-local";
    public const string ReasonByRefLike = "ref structs (Span<T> and the like) cannot be stored";
    public const string ReasonOpenGeneric = "it has unbound generic parameters";
    public const string ReasonResource = "it is a live resource (stream, task, thread, handle, reflection object), not data";
    public const string ReasonMultiDimensionalArray = "multi-dimensional arrays are not supported (use jagged arrays)";

    public static string ReasonNoConstructor =>
        "it has no public parameterless constructor and no public constructor whose parameters all match " +
        "public properties or fields by name (case-insensitive) and type";

    public static string ReasonHiddenState(IEnumerable<string> fields) =>
        $"its field(s) {string.Join(", ", fields.Select(f => $"'{f}'"))} hold state that is neither a constructor " +
        "parameter nor a public settable property or field, so it would be lost";

    public static string UnsupportedComparer(Type collection, object comparer) =>
        $"Cannot serialize a '{TypeName(collection)}' that uses the comparer '{TypeName(comparer.GetType())}': only the " +
        "default comparer (and, for string keys, the StringComparer Ordinal/OrdinalIgnoreCase/InvariantCulture/" +
        $"InvariantCultureIgnoreCase instances) are preserved. {RegisterHint}";

    public static string CannotReplaceBuiltInCodec(Type type) =>
        $"'{TypeName(type)}' has an intrinsic codec that cannot be replaced; register codecs for your own types.";

    public static string NotGenericTypeDefinition(Type type) =>
        $"'{TypeName(type)}' is not a generic type definition (write it as typeof(MyType<>)).";

    public static string GenericCodecMismatch(Type type, Type codec) =>
        $"'{TypeName(codec)}' must be a generic type definition with the same number of type parameters as " +
        $"'{TypeName(type)}', a public parameterless constructor, and derive from RecordCodec<{TypeName(type)}>.";

    public static string GraphTooDeep(Type type, int limit) =>
        $"Serialization of '{TypeName(type)}' nested deeper than {limit} levels: the object graph probably has a cycle. " +
        "Cyclic graphs are not supported.";

    public const string WriterNotInitialized = "This RecordWriter was not created by the serializer (default instance).";
    public const string BufferWriterTooSmall = "The IBufferWriter<byte> returned a span smaller than requested.";
    public const string StreamWriterFaulted =
        "A previous write to this record stream failed; the stream is incomplete and accepts no more records.";
    public const string StreamWriterCompleted = "This record stream was already completed.";
    public const string StreamNotReadable = "The stream must be readable.";
    public const string StreamNotWritable = "The stream must be writable.";

    public static string Truncated(long offset, long needed, long available) =>
        $"Serialized data is truncated at byte offset {offset}: {needed} more byte(s) needed, {available} available.";

    public static string Corrupt(long offset, string what) =>
        $"Serialized data is corrupt at byte offset {offset}: {what}.";

    public static string UnsupportedVersion(byte version, byte expected) =>
        $"unsupported serialization format version {version} (this build reads version {expected})";

    public static string ReadTooDeep(Type type, int limit) =>
        $"'{TypeName(type)}' values nest deeper than {limit} levels";

    public static string UnknownTypeName(string name) => $"the type '{name}' named in the data cannot be resolved";

    public static string TypeNotAssignable(Type actual, Type declared) =>
        $"the type '{TypeName(actual)}' named in the data is not assignable to '{TypeName(declared)}'";

    public static string TypeNotReadable(Type type, string reason) =>
        $"the type '{TypeName(type)}' named in the data cannot be deserialized ({reason})";

    public const string NoVersionByte = "no data (the format version byte is missing)";
    public const string ChecksumMismatch = "chunk checksum mismatch";
    public const string NullDictionaryKey = "null dictionary key";
    public const string DuplicateKey = "duplicate key in a dictionary or set";
    public const string AdvancedTooFar = "Advanced past the end of the buffer.";
    public const string BlockTooLarge = "A serialized block cannot exceed 2 GB.";

    public static string UndefinedTypeId(uint id) => $"type id {id} was never defined";

    public static string LengthExceedsRemaining(uint length, int remaining) =>
        $"length {length} exceeds the {remaining} bytes remaining";

    public static string EndMarkerMismatch(ulong total, long read) =>
        $"the end marker says {total} records but {read} were read";

    public static string ImplausibleChunk(ulong count, ulong length) =>
        $"implausible chunk header ({count} records, {length} bytes)";

    public static string TrailingBytes(int count) => $"{count} unexpected byte(s) after the last value";

    public static string InvalidValue(string typeName) => $"invalid {typeName} value";

    public static string TypeName(Type type)
    {
        if (!type.IsGenericType) return type.IsArray ? TypeName(type.GetElementType()!) + "[]" : type.Name;
        string name = type.Name;
        int tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}
