using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>PS0005 through the real package: warnings locally, errors in CI, the fix through 'dotnet format'.</summary>
public sealed class RootedPathCombineSegmentTests
{
    // Line 9 holds the rooted segment.
    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var root = args.Length > 0 ? args[0] : AppContext.BaseDirectory;
                Console.WriteLine(Path.Join(root, "/not-dropped.json"));
                Console.WriteLine(Path.Combine(root, "/config.json"));
            }
        }
        """;

    [Fact]
    public void Local_build_warns_and_succeeds_and_writes_SARIF()
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program);

        consumer.Build("-p:ErrorLog=pathsafety.sarif%2Cversion=2.1")
            .ShouldSucceed()
            .ShouldReportExactly("warning PS0005 Program.cs:9");

        var sarif = consumer.ReadFile("pathsafety.sarif");
        Assert.Contains("\"ruleId\": \"PS0005\"", sarif, StringComparison.Ordinal);
        Assert.Contains("docs/rules/PS0005.md", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuousIntegrationBuild_property_makes_it_an_error()
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program);

        consumer.Build("-p:ContinuousIntegrationBuild=true")
            .ShouldFail()
            .ShouldReportExactly("error PS0005 Program.cs:9");
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("GITHUB_ACTIONS", "true")]
    [InlineData("TF_BUILD", "True")]
    public void CI_environment_makes_it_an_error_unless_opted_out(string variable, string value)
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program).WithEnvironment(variable, value);

        consumer.Build("-p:PathSafetyWarningsAsErrorsInCI=false")
            .ShouldSucceed()
            .ShouldReportExactly("warning PS0005 Program.cs:9");

        // Incremental on purpose: switching CI mode on must recompile, not reuse the warnings-only output.
        consumer.Build()
            .ShouldFail()
            .ShouldReportExactly("error PS0005 Program.cs:9");
    }

    [Fact]
    public void Editorconfig_severity_is_kept_in_CI()
    {
        using var consumer = new ConsumerProject()
            .WithFile("Program.cs", Program)
            .WithFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.PS0005.severity = suggestion\n")
            .WithEnvironment("CI", "true");

        consumer.Build().ShouldSucceed().ShouldReportExactly();

        consumer.WithFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.PS0005.severity = none\n");
        consumer.Build("--no-incremental").ShouldSucceed().ShouldReportExactly();
    }

    [Fact]
    public void Dotnet_format_applies_the_fix()
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program);

        var format = consumer.RunRaw("format", "analyzers", consumer.ProjectFile, "--diagnostics", "PS0005", "--severity", "warn");
        format.Check(format.ExitCode == 0, "expected 'dotnet format' to succeed");

        var fixedSource = consumer.ReadFile("Program.cs");
        format.Check(fixedSource.Contains("Path.Combine(root, \"config.json\")", StringComparison.Ordinal),
            "expected the segment to lose its separator:\n" + fixedSource);
        format.Check(fixedSource.Contains("Path.Join(root, \"/not-dropped.json\")", StringComparison.Ordinal), "Path.Join must be left alone:\n"
            + fixedSource);

        consumer.Build("--no-incremental").ShouldSucceed().ShouldReportExactly();
    }
}
