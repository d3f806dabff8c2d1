namespace MiniSpark.Formats.Parquet.Thrift;

/// <summary>Reads one struct of type <typeparamref name="T"/>; lets list readers stay generic.</summary>
internal delegate T ThriftStructReader<T>(ref ThriftCompactReader reader);
