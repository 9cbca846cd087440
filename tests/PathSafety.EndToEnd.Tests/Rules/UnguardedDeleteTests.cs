using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>PS0003 through the real package: a consumer's unguarded recursive delete in maintenance code.</summary>
public sealed class UnguardedDeleteTests
{
    // Line 15 holds the unguarded recursive delete; the one on line 18 is guarded. The attribute is the consumer's
    // own (any attribute named MaintenanceCode marks maintenance code), so the test does not depend on embedding.
    private const string Cleanup = """
        namespace Consumer;

        [AttributeUsage(AttributeTargets.All)]
        internal sealed class MaintenanceCodeAttribute : Attribute
        {
        }

        public static class Cleanup
        {
            [MaintenanceCode]
            public static void PurgeCache(string cacheRoot, string name)
            {
                var target = Path.Combine(cacheRoot, name);
                Console.WriteLine(target);
                Directory.Delete(target, recursive: true);
                var full = Path.GetFullPath(target);
                if (!full.StartsWith(cacheRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
                Directory.Delete(full, recursive: true);
            }
        }
        """;

    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main(string[] args) => Cleanup.PurgeCache(AppContext.BaseDirectory, args.Length > 0 ? args[0] : "cache");
        }
        """;

    private static ConsumerProject CreateConsumer()
        => new ConsumerProject().WithFile("Program.cs", Program).WithFile("Cleanup.cs", Cleanup);

    [Fact]
    public void Local_build_warns_and_succeeds()
    {
        using var consumer = CreateConsumer();

        consumer.Build()
            .ShouldSucceed()
            .ShouldReportExactly("warning PS0003 Cleanup.cs:15");
    }

    [Fact]
    public void ContinuousIntegrationBuild_fails_on_the_unguarded_recursive_delete()
    {
        using var consumer = CreateConsumer();

        consumer.Build("-p:ContinuousIntegrationBuild=true")
            .ShouldFail()
            .ShouldReportExactly("error PS0003 Cleanup.cs:15");
    }

    [Fact]
    public void Dotnet_format_guards_the_delete_with_the_embedded_PathGuard()
    {
        using var consumer = CreateConsumer();

        var format = consumer.RunRaw("format", "analyzers", consumer.ProjectFile, "--diagnostics", "PS0003", "--severity", "warn");
        format.Check(format.ExitCode == 0, "expected 'dotnet format' to succeed");

        var fixedSource = consumer.ReadFile("Cleanup.cs");
        format.Check(
            fixedSource.Contains("Directory.Delete(PathGuard.EnsureWithin(cacheRoot, target), recursive: true);", StringComparison.Ordinal),
            "expected the delete to be guarded:\n" + fixedSource);
        format.Check(fixedSource.Contains("using PathSafety;", StringComparison.Ordinal), "expected 'using PathSafety;':\n" + fixedSource);

        consumer.Build("--no-incremental").ShouldSucceed().ShouldReportExactly();
    }
}
