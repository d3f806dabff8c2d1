using MiniSpark.Ui.Server;

namespace MiniSpark;

/// <summary>Serves finished (and running) applications from their event logs, as they were: Spark's history server.</summary>
/// <remarks>
/// <para>Point it at <c>spark.eventLog.dir</c> (or at one log file). Its front page lists every application of
/// the directory; each application's pages (jobs, stages, tasks, storage, environment, DAG drawings) live under
/// <c>/history/&lt;application id&gt;/</c>, and the REST API under <c>/api/v1/applications</c> answers for all of
/// them. Logs are replayed when first asked for and again when they change, so a running application's
/// <c>.inprogress</c> log shows its progress up to its last finished job.</para>
/// <code>
/// using var history = SparkHistoryServer.Start("/tmp/spark-events", port: 18080);
/// Console.WriteLine(history.Url); // http://127.0.0.1:18080
/// </code>
/// </remarks>
public sealed class SparkHistoryServer : IDisposable
{
    private readonly UiServer _server;

    private SparkHistoryServer(UiServer server) => _server = server;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:18080</c>.</summary>
    public string Url => _server.Url;

    /// <summary>Starts serving the event logs at <paramref name="eventLogPath"/> (a directory or one log file).</summary>
    /// <param name="eventLogPath">The event log directory, or one log file.</param>
    /// <param name="port">The first port to try (the next free one is taken when it is busy); 0 for any free port.</param>
    /// <param name="host">The address to bind; the default serves this machine only.</param>
    /// <param name="maxRetries">How many further ports to try.</param>
    /// <exception cref="DirectoryNotFoundException">Nothing exists at <paramref name="eventLogPath"/>.</exception>
    /// <exception cref="IOException">No port of the range was free.</exception>
    public static SparkHistoryServer Start(string eventLogPath, int port = 18080, string host = "127.0.0.1", int maxRetries = 16)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventLogPath);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetries);
        return new SparkHistoryServer(UiServer.Start(new HistoryCatalog(eventLogPath), host, port, maxRetries));
    }

    /// <summary>Stops the server and frees its port. Idempotent.</summary>
    public void Dispose() => _server.Dispose();
}
