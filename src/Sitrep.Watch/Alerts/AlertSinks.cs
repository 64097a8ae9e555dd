using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Watch.Fetching;
using Sitrep.Watch.State;

namespace Sitrep.Watch.Alerts;

/// <summary>A destination of alerts. Returns null when the alert was delivered, else the reason it was not.</summary>
public interface IAlertSink
{
    string Id { get; }

    Task<string?> DeliverAsync(PendingAlert alert, CancellationToken cancellationToken);
}

/// <summary>One JSON line per alert on standard output (for a pipe or a terminal).</summary>
public sealed class StandardOutputSink(TextWriter output) : IAlertSink
{
    private readonly Lock _lock = new();

    public string Id => "stdout";

    public Task<string?> DeliverAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            output.WriteLine(alert.PayloadJson);
            output.Flush();
        }
        return Task.FromResult<string?>(null);
    }
}

/// <summary>
/// Appends one JSON line per alert to a file, flushed to disk before the delivery is recorded. The ids already
/// in the file are read when the sink opens, so an alert whose delivery was written but not yet recorded (the
/// process was killed between the two) is not written twice.
/// </summary>
public sealed class JsonLinesSink : IAlertSink
{
    private readonly string _path;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public JsonLinesSink(string path)
    {
        _path = path;
        if (!File.Exists(path)) return;
        foreach (var line in File.ReadLines(path))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } key) _written.Add(key);
            }
            catch (JsonException)
            {
                // A line cut by a kill in the middle of a write: its alert is still pending and is written again.
            }
        }
    }

    public string Id => "jsonl:" + _path;

    public Task<string?> DeliverAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_written.Contains(alert.AlertKey)) return Task.FromResult<string?>(null);
            try
            {
                var directory = Path.GetDirectoryName(_path);
                if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
                using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                // A line cut short by an earlier kill is ended first, so the new alert starts on its own line.
                if (file.Length > 0 && LastByte(_path) != (byte)'\n') file.WriteByte((byte)'\n');
                var bytes = Encoding.UTF8.GetBytes(alert.PayloadJson + "\n");
                file.Write(bytes);
                file.Flush(flushToDisk: true);
                _written.Add(alert.AlertKey);
                return Task.FromResult<string?>(null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult<string?>($"{_path}: {e.Message}");
            }
        }
    }

    private static int LastByte(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0) return -1;
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte();
    }
}

/// <summary>
/// POSTs each alert as JSON. Headers: <c>X-Sitrep-Alert-Id</c> (the same on every retry, for the receiver to drop
/// repeats: delivery is at least once) and, with a secret, <c>X-Sitrep-Signature: sha256=HEX</c>, the HMAC-SHA256
/// of the exact body bytes under the secret. 5xx, 429 and timeouts are retried with backoff inside the webhook
/// client; an alert still undelivered stays pending and is tried again on the next round.
/// </summary>
public sealed class WebhookSink(Uri url, string? secret, IHttpClientFactory clients) : IAlertSink
{
    public const string SignatureHeader = "X-Sitrep-Signature";
    public const string IdHeader = "X-Sitrep-Alert-Id";

    public string Id => "webhook:" + url.AbsoluteUri;

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async Task<string?> DeliverAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(alert.PayloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(IdHeader, alert.AlertKey);
        if (!string.IsNullOrEmpty(secret)) request.Headers.Add(SignatureHeader, Sign(secret, body));
        try
        {
            using var response = await clients.CreateClient(WatchHttp.WebhookClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"{url}: HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"{url}: {(e is HttpRequestException ? e.Message : "timed out")}";
        }
    }
}
