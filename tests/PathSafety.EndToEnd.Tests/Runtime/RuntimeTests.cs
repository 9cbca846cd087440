using PathSafety.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PathSafety.EndToEnd.Tests.Runtime;

/// <summary>
/// The runtime side through the real package and tool (docs/runtime.md): a worker service that checks its protected
/// files at start-up and watches them, and 'pathsafety verify' on its publish folder.
/// </summary>
public sealed class RuntimeTests(WorkerService worker, ITestOutputHelper output) : IClassFixture<WorkerService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static ProcessResult Start(string folder, params string[] arguments) =>
        DotNet.Run(folder, [Path.Combine(folder, "Worker.dll"), .. arguments]);

    private static string Describe(ProcessResult result) => result.ToString();

    [Fact]
    public void Worker_starts_normally_then_fails_at_start_naming_the_deleted_file()
    {
        worker.Publish.ShouldSucceed().ShouldReportExactly();
        var folder = worker.CopyOfPublishFolder();

        var normal = Start(folder);
        Assert.True(normal.ExitCode == 0, Describe(normal));
        Assert.Contains("READY 2 protected file(s)", normal.Output, StringComparison.Ordinal);

        var deleted = Path.Combine(folder, "config", "worker.json");
        File.Delete(deleted);
        var failed = Start(folder);

        Assert.True(failed.ExitCode != 0, Describe(failed));
        Assert.DoesNotContain("READY", failed.Output, StringComparison.Ordinal);
        Assert.Contains("'" + deleted + "' is missing.", failed.Output, StringComparison.Ordinal);
        Assert.Contains("A protected file the application needs is missing or damaged in '" + folder, failed.Output, StringComparison.Ordinal);
        Assert.Contains("crit: PathSafety.ProtectedFiles", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Watcher_logs_Critical_within_a_second_of_a_delete_and_logs_the_return()
    {
        var folder = worker.CopyOfPublishFolder();
        using var app = new RunningApp(folder, Path.Combine(folder, "Worker.dll"), "--watch");
        Assert.True(app.WaitFor("READY", Patience) is not null, app.Output);

        var settings = Path.Combine(folder, "appsettings.json");
        var content = File.ReadAllText(settings);
        var deletedAt = DateTime.UtcNow;
        File.Delete(settings);

        var loggedAt = app.WaitFor(
            "'" + settings + "' is missing.", TimeSpan.FromSeconds(10), line => line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.True(loggedAt is not null, app.Output);
        var delay = loggedAt.Value - deletedAt;
        output.WriteLine($"Critical logged {delay.TotalMilliseconds:F0} ms after the delete (debounce 100 ms)");
        Assert.True(delay < TimeSpan.FromSeconds(1), $"Critical logged {delay.TotalMilliseconds:F0} ms after the delete\n{app.Output}");

        File.WriteAllText(settings, content);
        Assert.True(app.WaitFor("appsettings.json is back", TimeSpan.FromSeconds(10)) is not null, app.Output);
    }

    [Fact]
    public void Verify_passes_on_the_publish_folder_fails_after_a_delete_or_an_empty_file_and_refuses_a_truncated_manifest()
    {
        var tool = PathSafetyTool.Instance;
        var folder = worker.CopyOfPublishFolder();

        var sound = tool.Run("verify", folder);
        Assert.True(sound.ExitCode == 0, sound.ToString());
        Assert.Contains("OK: 2 protected file(s) present and sound", sound.Output, StringComparison.Ordinal);
        Assert.Contains("PathSafety " + PathSafetyPackage.Instance.Version + ").", sound.Output, StringComparison.Ordinal);

        File.Delete(Path.Combine(folder, "appsettings.json"));
        File.WriteAllText(Path.Combine(folder, "config", "worker.json"), string.Empty);
        var damaged = tool.Run("verify", folder);
        Assert.True(damaged.ExitCode == 1, damaged.ToString());
        Assert.Contains("'" + Path.Combine(folder, "appsettings.json") + "' is missing.", damaged.Output, StringComparison.Ordinal);
        Assert.Contains("'" + Path.Combine(folder, "config", "worker.json") + "' is empty.", damaged.Output, StringComparison.Ordinal);

        var manifest = Path.Combine(folder, "pathsafety.manifest.json");
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text[..(text.Length / 2)]);
        var truncated = tool.Run("verify", folder);
        Assert.True(truncated.ExitCode == 2, truncated.ToString());
        Assert.Contains("cannot be used: it is not valid JSON", truncated.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", truncated.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_the_embedded_sources_off_removes_them()
    {
        // Hosting off: the class stays, the extensions go.
        var withoutHosting = worker.Build("-p:PathSafetyEmbedHosting=false").ShouldFail();
        withoutHosting.Check(
            withoutHosting.Diagnostics.Count > 0
            && withoutHosting.Diagnostics.All(d => d.Id == "CS1061" && d.Message.Contains("AddProtectedFiles", StringComparison.Ordinal)),
            "expected only the hosting extensions to be missing");

        // Everything off: PathSafety.ProtectedFiles goes too.
        var withoutList = worker.Build("-p:PathSafetyEmbedProtectedFiles=false").ShouldFail();
        withoutList.Check(
            withoutList.Diagnostics.Any(d => d.Id == "CS0103" && d.Message.Contains("'ProtectedFiles'", StringComparison.Ordinal)),
            "expected PathSafety.ProtectedFiles to be missing");
    }
}
