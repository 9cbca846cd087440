using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>
/// Top-level programs in CI mode: a plain tool that reads and writes where it is run is left alone; a cleanup script
/// (it deletes) is maintenance code, relative paths included.
/// </summary>
public sealed class TopLevelProgramTests
{
    [Fact]
    public void Tool_that_reads_and_writes_relative_paths_builds_clean_in_CI_mode()
    {
        const string Tool = """
            var lines = File.ReadAllLines("input.csv");
            var total = lines.Skip(1).Sum(line => decimal.Parse(line.Split(',')[1]));
            File.WriteAllText("total.txt", total.ToString());
            Directory.CreateDirectory("reports");
            File.Copy("total.txt", Path.Combine("reports", "total.txt"), overwrite: true);
            Console.WriteLine(total);
            """;
        using var consumer = new ConsumerProject("Tool").WithFile("Program.cs", Tool);

        consumer.Build("-p:ContinuousIntegrationBuild=true").ShouldSucceed().ShouldReportExactly();
    }

    [Fact]
    public void Cleanup_script_with_a_relative_path_and_a_broad_delete_loop_fails_in_CI_mode()
    {
        // Line 1: the relative folder (PS0001); line 4: the delete of every file the broad enumeration yields (PS0004).
        const string Script = """
            var logs = "logs";
            foreach (var file in Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories))
            {
                File.Delete(file);
            }
            """;
        using var consumer = new ConsumerProject("Cleanup").WithFile("Program.cs", Script);

        var build = consumer.Build("-p:ContinuousIntegrationBuild=true").ShouldFail().ShouldLoadAnalyzers();
        build.Check(
            build.Diagnostics.Any(d => d is { Id: "PS0001", Severity: "error", File: "Program.cs" }), "expected PS0001 on the relative folder");
        build.Check(
            build.Diagnostics.Any(d => d is { Id: "PS0004", Severity: "error", File: "Program.cs", Line: 4 }), "expected PS0004 on the delete loop");
    }
}
