using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MiniSpark.Ui.Tests.Browser;

/// <summary>A headless Chromium kept open on one page and driven over the DevTools protocol: navigate, then read
/// what the page shows as time passes (the live refresh), without reloading it.</summary>
internal sealed partial class ChromiumSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private ChromiumSession(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex ListeningLine();

    public static async Task<ChromiumSession> Open()
    {
        string profile = Directory.CreateTempSubdirectory("minispark-chromium-").FullName;
        var start = new ProcessStartInfo(Chromium.Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in Chromium.CommonArguments(profile).Concat(["--remote-debugging-port=0", "about:blank"]))
            start.ArgumentList.Add(argument);
        var session = new ChromiumSession(Process.Start(start)!, profile);
        try
        {
            string browserUrl = await session.ReadDevToolsUrl();
            // Keep both pipes drained so that a chatty browser never blocks on a full pipe.
            _ = session._process.StandardError.ReadToEndAsync();
            _ = session._process.StandardOutput.ReadToEndAsync();
            // The page target of about:blank: its socket is on the same port.
            var port = new Uri(browserUrl).Port;
            using var http = new HttpClient();
            JsonArray targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            string pageUrl = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
            await session._socket.ConnectAsync(new Uri(pageUrl), CancellationToken.None);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task<string> ReadDevToolsUrl()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            Match match = ListeningLine().Match(line);
            if (match.Success) return match.Groups[1].Value;
        }
        throw new InvalidOperationException("Chromium exited before it opened its DevTools socket.");
    }

    /// <summary>Loads <paramref name="url"/> and waits until the document is complete.</summary>
    public async Task Navigate(string url)
    {
        await Send("Page.navigate", new JsonObject { ["url"] = url });
        await WaitFor("document.readyState === 'complete'", TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> Evaluate(string expression)
    {
        JsonNode result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return result["result"]?["value"];
    }

    /// <summary>Polls <paramref name="condition"/> (a JavaScript expression) until it is true.</summary>
    public async Task WaitFor(string condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while ((await Evaluate($"!!({condition})"))?.GetValue<bool>() != true)
        {
            if (watch.Elapsed > timeout) Assert.Fail($"The page never satisfied `{condition}` within {timeout.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    private async Task<JsonNode> Send(string method, JsonObject parameters)
    {
        int id = ++_nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            JsonNode reply = await Receive(timeout.Token);
            if (reply["id"]?.GetValue<int>() != id) continue; // an event, or an older reply
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    private async Task<JsonNode> Receive(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The browser is going away anyway.
        }
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Chromium.TryDelete(_profile);
    }
}
