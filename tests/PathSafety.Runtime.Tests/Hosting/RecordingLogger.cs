using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PathSafety.Runtime.Tests.Hosting;

/// <summary>Keeps every log event, with the time it arrived; can be told to throw, like a broken log sink.</summary>
internal sealed class RecordingLogger : ILogger, ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Message, DateTime At)> Events { get; } = new();

    public bool Throw { get; set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Events.Enqueue((logLevel, eventId, formatter(state, exception), DateTime.UtcNow));
        if (Throw)
        {
            throw new InvalidOperationException("the log sink is down");
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }

    /// <summary>Waits up to <paramref name="timeout"/> for an event that matches.</summary>
    public (LogLevel Level, EventId Id, string Message, DateTime At)? WaitFor(
        Func<(LogLevel Level, EventId Id, string Message, DateTime At), bool> match, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        do
        {
            foreach (var e in Events)
            {
                if (match(e))
                {
                    return e;
                }
            }

            Thread.Sleep(10);
        }
        while (DateTime.UtcNow < end);

        return null;
    }
}
