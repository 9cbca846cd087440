using System.Collections.Concurrent;
using System.Diagnostics;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>An application started with 'dotnet app.dll' that keeps running: its output lines with their arrival times.</summary>
public sealed class RunningApp : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(string Line, DateTime At)> _lines = new();

    public RunningApp(string workingDirectory, params string[] arguments)
    {
        _process = new Process { StartInfo = DotNet.CreateStartInfo(workingDirectory, arguments) };
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join("\n", _lines.Select(l => l.Line));

    /// <summary>When the first line containing <paramref name="text"/> arrived, or null after <paramref name="timeout"/>.</summary>
    public DateTime? WaitFor(string text, TimeSpan timeout, Func<string, bool>? also = null)
    {
        var end = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var (line, at) in _lines)
            {
                if (line.Contains(text, StringComparison.Ordinal) && (also is null || also(line)))
                {
                    return at;
                }
            }

            if (DateTime.UtcNow > end || _process.HasExited)
            {
                // One last look: the line may have arrived with the exit.
                return _lines.Where(l => l.Line.Contains(text, StringComparison.Ordinal) && (also is null || also(l.Line)))
                    .Select(l => (DateTime?)l.At)
                    .FirstOrDefault();
            }

            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue((line, DateTime.UtcNow));
        }
    }
}
