using System.Net;
using System.Net.Sockets;

namespace MiniSpark.Ui.Tests;

/// <summary>Contexts with the web UI on a free port, an HTTP client for it, and a way to wait for the listener bus.</summary>
internal static class UiFixture
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SparkContext, List<object>> s_kept = new();

    /// <summary>Keeps <paramref name="rdd"/> reachable as long as <paramref name="sc"/> is: the context tracks persisted
    /// datasets weakly, and one the test no longer references could be collected (and leave the storage page) at any GC.</summary>
    public static T KeepAlive<T>(SparkContext sc, T rdd) where T : Rdd
    {
        s_kept.GetOrCreateValue(sc).Add(rdd);
        return rdd;
    }

    public static SparkConf Conf(string appName, int port = 0) => new SparkConf()
        .SetMaster("local[2]")
        .SetAppName(appName)
        .Set(ConfigKeys.UiEnabled, "true")
        .Set(ConfigKeys.UiPort, port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static SparkContext Start(string appName, Action<SparkConf>? configure = null)
    {
        SparkConf conf = Conf(appName);
        configure?.Invoke(conf);
        return new SparkContext(conf);
    }

    public static HttpClient Client(SparkContext sc) => Client(sc.UiWebUrl!);

    public static HttpClient Client(string baseUrl) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = true }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits until every event posted so far reached the status store.</summary>
    public static void Drain(SparkContext sc) => Assert.True(sc.ListenerBus.WaitUntilEmpty(TimeSpan.FromSeconds(30)));

    public static async Task<string> GetString(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public static int PortOf(string url) => new Uri(url).Port;

    /// <summary>Whether a listener can bind <paramref name="port"/> on the loopback address right now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the time is up.</summary>
    public static void WaitUntil(Func<bool> condition, string what, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            Thread.Sleep(20);
        }
    }
}
