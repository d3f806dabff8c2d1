namespace MiniSpark.Internal;

/// <summary>Warnings the engine cannot throw (a listener failed, a cleanup failed): written to standard error.</summary>
internal static class Log
{
    public static void Warning(string message) => Console.Error.WriteLine($"WARN MiniSpark: {message}");
}
