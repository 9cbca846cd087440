using System.Reflection;
using Microsoft.Extensions.Logging;

namespace PathSafety.Runtime.Tests.Hosting;

/// <summary>ProtectedFilesWatcher on a real folder: what it logs, when, and that it never throws.</summary>
public sealed class WatcherTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly string _folder = Directory.CreateTempSubdirectory("pathsafety-watcher-").FullName;
    private readonly RecordingLogger _log = new();
    private readonly ProtectedFilesWatcher _watcher;

    public WatcherTests()
    {
        File.WriteAllText(Combine("appsettings.json"), "{}");
        Directory.CreateDirectory(Combine("config"));
        File.WriteAllText(Combine("config/worker.json"), "{}");
        _watcher = new ProtectedFilesWatcher(
            _log, _folder, [new ProtectedFile("appsettings.json", false, null), new ProtectedFile("config/worker.json", false, null)], Debounce);
        _watcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _watcher.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Combine(string relative) => Path.Combine(_folder, relative.Replace('/', Path.DirectorySeparatorChar));

    private (LogLevel Level, EventId Id, string Message, DateTime At)? Wait(LogLevel level, string text) =>
        _log.WaitFor(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal), Patience);

    private static async Task<TimeSpan> ProbeSchedulingLag()
    {
        var started = DateTime.UtcNow;
        await Task.Delay(Debounce).ConfigureAwait(false);
        var lag = DateTime.UtcNow - started - Debounce;
        return lag > TimeSpan.Zero ? lag : TimeSpan.Zero;
    }

    [Fact]
    public void A_sound_folder_logs_nothing()
    {
        Thread.Sleep(Debounce * 3);
        Assert.Empty(_log.Events);
    }

    [Fact]
    public async Task A_delete_is_Critical_within_a_second_and_the_return_is_logged()
    {
        var deleted = DateTime.UtcNow;
        var probe = ProbeSchedulingLag();
        File.Delete(Combine("appsettings.json"));

        var lost = Wait(LogLevel.Critical, "appsettings.json' is missing.");
        Assert.NotNull(lost);
        Assert.Equal("ProtectedFileLost", lost.Value.Id.Name);

        // The budget is one second on a machine that keeps its timers; a loaded test host (CI runs test
        // projects side by side on two cores) delays every timer, so the lag an idle probe timer saw at the
        // same moment is granted on top and only the watcher's own delay counts against the second.
        var latency = lost.Value.At - deleted;
        var lag = await probe;
        Assert.True(latency >= Debounce, $"logged {latency.TotalMilliseconds} ms after the delete: before the debounce ended");
        Assert.True(
            latency < TimeSpan.FromSeconds(1) + lag,
            $"logged {latency.TotalMilliseconds} ms after the delete; timers lagged {lag.TotalMilliseconds} ms");

        File.WriteAllText(Combine("appsettings.json"), "{}");
        var back = Wait(LogLevel.Information, "appsettings.json is back");
        Assert.NotNull(back);
        Assert.Equal("ProtectedFileRestored", back.Value.Id.Name);
    }

    [Fact]
    public void Emptied_and_renamed_away_are_Critical_once_each()
    {
        File.WriteAllText(Combine("config/worker.json"), string.Empty);
        Assert.NotNull(Wait(LogLevel.Critical, "worker.json' is empty."));

        File.Move(Combine("appsettings.json"), Combine("appsettings.json.bak"));
        Assert.NotNull(Wait(LogLevel.Critical, "appsettings.json' is missing."));

        Thread.Sleep(Debounce * 3);
        Assert.Equal(2, _log.Events.Count(e => e.Level == LogLevel.Critical));
    }

    [Fact]
    public void Other_files_in_the_folder_cause_no_rescan_and_no_log()
    {
        for (var i = 0; i < 20; i++)
        {
            File.AppendAllText(Combine("app.log"), "line\n");
        }

        File.Delete(Combine("app.log"));
        Thread.Sleep(Debounce * 3);
        Assert.Empty(_log.Events);
    }

    [Fact]
    public async Task A_watcher_error_rescans_and_catches_what_the_lost_events_would_have_said()
    {
        // As after a buffer overflow: the change happened, its event did not arrive.
        await _watcher.StopAsync(CancellationToken.None);
        var watcher = new ProtectedFilesWatcher(_log, _folder, [new ProtectedFile("appsettings.json", false, null)], Debounce);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            var field = typeof(ProtectedFilesWatcher).GetField("_watcher", BindingFlags.NonPublic | BindingFlags.Instance)!;
            var fileSystemWatcher = (FileSystemWatcher)field.GetValue(watcher)!;
            fileSystemWatcher.EnableRaisingEvents = false;
            File.Delete(Combine("appsettings.json"));
            Thread.Sleep(Debounce * 3);
            Assert.DoesNotContain(_log.Events, e => e.Level == LogLevel.Critical);

            typeof(ProtectedFilesWatcher).GetMethod("OnError", BindingFlags.NonPublic | BindingFlags.Instance)!
                .Invoke(watcher, [null, new ErrorEventArgs(new InternalBufferOverflowException())]);

            Assert.NotNull(Wait(LogLevel.Warning, "watching again and rescanning"));
            Assert.NotNull(Wait(LogLevel.Critical, "appsettings.json' is missing."));
        }
        finally
        {
            watcher.Dispose();
        }
    }

    [Fact]
    public void A_failing_log_sink_does_not_reach_the_host()
    {
        _log.Throw = true;
        File.Delete(Combine("appsettings.json"));

        // The Critical event is attempted (and throws inside the timer callback); the process must survive it.
        Assert.NotNull(Wait(LogLevel.Critical, "appsettings.json' is missing."));
        Thread.Sleep(Debounce * 2);
        _log.Throw = false;
        File.WriteAllText(Combine("config/worker.json"), string.Empty);
        Assert.NotNull(Wait(LogLevel.Critical, "worker.json' is empty."));
    }

    [Fact]
    public async Task Stopping_twice_is_harmless()
    {
        await _watcher.StopAsync(CancellationToken.None);
        await _watcher.StopAsync(CancellationToken.None);
        File.Delete(Combine("appsettings.json"));
        Thread.Sleep(Debounce * 3);
        Assert.Empty(_log.Events);
    }
}
