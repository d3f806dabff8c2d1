using System.Net;
using System.Net.Sockets;

namespace MiniSpark.Ui.Tests;

public sealed class ServerTests
{
    [Fact]
    public async Task Enabled_ServesOnLoopback_AndStopFreesThePort()
    {
        string url;
        using (SparkContext sc = UiFixture.Start("lifecycle"))
        {
            url = sc.UiWebUrl!;
            Assert.StartsWith("http://127.0.0.1:", url);
            using HttpClient client = UiFixture.Client(sc);
            using HttpResponseMessage root = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, root.StatusCode);
            Assert.EndsWith("/jobs/", root.RequestMessage!.RequestUri!.AbsolutePath); // / redirects to the jobs page
        }
        int port = UiFixture.PortOf(url);
        Assert.True(UiFixture.IsFree(port), $"Port {port} is still taken after Stop.");
        using var after = UiFixture.Client(url);
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync("/jobs/"));
    }

    [Fact]
    public void Disabled_StartsNoServer()
    {
        using var sc = new SparkContext("local", "no-ui");
        Assert.Null(sc.UiWebUrl);
        Assert.Null(sc.StatusStore);
    }

    [Fact]
    public void TakenPort_MovesToTheNextFreeOne()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var sc = new SparkContext(UiFixture.Conf("next-port", port));
        int bound = UiFixture.PortOf(sc.UiWebUrl!);
        Assert.InRange(bound, port + 1, port + 16);
    }

    [Fact]
    public void DefaultPort4040_Taken_MovesTo4041OrLater()
    {
        // Hold 4040 ourselves; if another process already holds it the rule under test is the same.
        TcpListener? holder = null;
        if (UiFixture.IsFree(4040))
        {
            holder = new TcpListener(IPAddress.Loopback, 4040);
            holder.Start();
        }
        try
        {
            var conf = new SparkConf().SetMaster("local").SetAppName("default-port").Set(ConfigKeys.UiEnabled, "true");
            using var sc = new SparkContext(conf);
            Assert.InRange(UiFixture.PortOf(sc.UiWebUrl!), 4041, 4040 + 16);
        }
        finally
        {
            holder?.Stop();
        }
    }

    [Fact]
    public void NoFreePortInTheRange_FailsNamingTheSettings_AndReleasesTheContext()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        SparkConf conf = UiFixture.Conf("no-port", port).Set(ConfigKeys.PortMaxRetries, "0");
        var error = Assert.Throws<IOException>(() => new SparkContext(conf));
        Assert.Contains(ConfigKeys.UiPort, error.Message);
        Assert.Contains(ConfigKeys.PortMaxRetries, error.Message);
    }

    [Fact]
    public async Task Responses_CarryASecurityPolicy_AndPagesAnswerHead()
    {
        using SparkContext sc = UiFixture.Start("headers");
        using HttpClient client = UiFixture.Client(sc);
        using HttpResponseMessage page = await client.GetAsync("/jobs/");
        string policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);

        using HttpResponseMessage head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/stages/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        using HttpResponseMessage script = await client.GetAsync("/static/ui.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Contains("data-live", await script.Content.ReadAsStringAsync());
        using HttpResponseMessage css = await client.GetAsync("/static/ui.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        using HttpResponseMessage traversal = await client.GetAsync("/static/..%2F..%2Fetc%2Fpasswd");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task UnknownIds_AnswerNotFoundPages_BadIdsBadRequest()
    {
        using SparkContext sc = UiFixture.Start("missing");
        using HttpClient client = UiFixture.Client(sc);
        string missingJob = await UiFixture.GetString(client, "/jobs/job/?id=99");
        Assert.Contains("No job with id 99", missingJob);
        string missingStage = await UiFixture.GetString(client, "/stages/stage/?id=5&attempt=0");
        Assert.Contains("No attempt 0 of stage 5", missingStage);
        using HttpResponseMessage bad = await client.GetAsync("/jobs/job/?id=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using HttpResponseMessage svg = await client.GetAsync("/jobs/job/dag.svg?id=3");
        Assert.Equal(HttpStatusCode.NotFound, svg.StatusCode);
    }

    [Fact]
    public void UiHost_Setting_IsHonoured()
    {
        using SparkContext sc = UiFixture.Start("host", c => c.Set(ConfigKeys.UiHost, "localhost"));
        Assert.StartsWith("http://127.0.0.1:", sc.UiWebUrl);
    }
}
