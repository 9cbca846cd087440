using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>PS0007 through the real package: applies everywhere, and its fixes make the check sound.</summary>
public sealed class WeakContainmentCheckTests
{
    // Line 9 holds a prefix check with no trailing separator on the root and a culture-sensitive comparison.
    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var root = AppContext.BaseDirectory;
                var full = Path.GetFullPath(Path.Combine(root, args.Length > 0 ? args[0] : "x.tmp"));
                if (full.StartsWith(root))
                {
                    Console.WriteLine(File.Exists(full));
                }
            }
        }
        """;

    [Fact]
    public void Weak_check_warns_and_the_fixes_make_it_sound()
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program);

        consumer.Build().ShouldSucceed().ShouldReportExactly("warning PS0007 Program.cs:9");

        var format = consumer.RunRaw("format", "analyzers", consumer.ProjectFile, "--diagnostics", "PS0007", "--severity", "warn");
        format.Check(format.ExitCode == 0, "expected 'dotnet format' to succeed");

        var fixedSource = consumer.ReadFile("Program.cs");
        format.Check(
            fixedSource.Contains(
                "full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar, "
                    + "StringComparison.Ordinal)",
                StringComparison.Ordinal),
            "expected the separator and the ordinal comparison:\n" + fixedSource);

        consumer.Build("--no-incremental").ShouldSucceed().ShouldReportExactly();
    }
}
