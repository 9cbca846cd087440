using System.Diagnostics;
using Xunit.Abstractions;

namespace PathSafety.Runtime.Tests.Embedded;

/// <summary>
/// The start-up check's budget (docs/performance.md): EnsurePresent for 10 files without hashing under 1 ms.
/// The median of many runs after a warm-up, so one slow run on a busy machine does not decide.
/// </summary>
public sealed class CostTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pathsafety-cost-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EnsurePresent_for_ten_files_without_hashing_takes_under_a_millisecond()
    {
        var files = new List<ProtectedFile>();
        for (var i = 0; i < 10; i++)
        {
            var relative = i < 5 ? $"appsettings.{i}.json" : $"config/part{i}.json";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder, relative))!);
            File.WriteAllText(Path.Combine(_folder, relative), "{ \"a\": 1 }");
            files.Add(new ProtectedFile(relative, false, null));
        }

        for (var i = 0; i < 50; i++)
        {
            Check(files);
        }

        var times = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            Check(files);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[(int)(times.Count * 0.95)];
        output.WriteLine($"EnsurePresent, 10 files, no hashing: median {median * 1000:F0} µs, p95 {p95 * 1000:F0} µs over {times.Count} runs");
        Assert.True(median < 1.0, $"median {median:F3} ms");
    }

    /// <summary>What EnsurePresent does, for a list of the test's own.</summary>
    private void Check(List<ProtectedFile> files)
    {
        var problems = ProtectedFiles.Verify(_folder, files);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(ProtectedFiles.Describe(problems, _folder));
        }
    }
}
