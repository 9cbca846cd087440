using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The editor's side of a Language Server Protocol session over a server's standard input and output: requests,
/// notifications, and answers to what the server asks of the editor (its settings, applying an edit).
/// </summary>
public sealed class LanguageServerClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Func<string, JsonNode?, JsonNode?> _answer;
    private readonly StringBuilder _log = new();
    private readonly Thread _reader;
    private int _nextId;

    private LanguageServerClient(Process process, Func<string, JsonNode?, JsonNode?> answer)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _answer = answer;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" };
        _reader.Start();
    }

    /// <summary>What the server said and logged, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the server; <paramref name="answer"/> answers the server's requests (method, params) with a result.</summary>
    public static LanguageServerClient Start(ProcessStartInfo start, Func<string, JsonNode?, JsonNode?> answer)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var client = new LanguageServerClient(process, answer);
        process.ErrorDataReceived += (_, e) => client.Append("stderr: " + e.Data);
        process.BeginErrorReadLine();
        return client;
    }

    public async Task<JsonNode?> RequestAsync(string method, object? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = ToNode(parameters) });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout));
        if (finished != completion.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"'{method}' got no answer in {timeout.TotalSeconds:F0}s.\n{Log}");
        }

        return await completion.Task;
    }

    public void Notify(string method, object? parameters)
        => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = ToNode(parameters) });

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private static JsonNode? ToNode(object? value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value);

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_input)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // Enough to explain a failure, not a whole session of progress messages.
            if (_log.Length < 200_000)
            {
                _log.AppendLine(line);
            }
        }
    }

    private void ReadLoop()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("the language server closed its output.\n" + Log));
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var completion))
            {
                if (message["error"] is { } error)
                {
                    completion.TrySetException(new InvalidOperationException("language server error: " + error.ToJsonString()));
                }
                else
                {
                    completion.TrySetResult(message["result"]);
                }
            }

            return;
        }

        if (method == "window/logMessage" || method == "window/showMessage")
        {
            Append("server: " + message["params"]?["message"]?.GetValue<string>());
        }

        if (id is not null && method is not null)
        {
            var result = _answer(method, message["params"]);
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
    }

    private static JsonObject? ReadMessage(Stream output)
    {
        var length = -1;
        while (true)
        {
            var line = ReadHeaderLine(output);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = output.Read(body, read, length - read);
            if (count == 0)
            {
                return null;
            }

            read += count;
        }

        return JsonNode.Parse(body) as JsonObject;
    }

    private static string? ReadHeaderLine(Stream output)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var next = output.ReadByte();
            if (next < 0)
            {
                return null;
            }

            if (next == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)next);
        }
    }
}
