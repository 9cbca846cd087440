using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>
/// PS0006 through the real package: the project's ProtectedFile items reach the analyzer through the package's
/// targets, so the list the build check verifies also guards the code.
/// </summary>
public sealed class ProtectedFileDeleteTests
{
    // Line 8: a constant path to the item; line 9: a "*.json" delete loop; line 10: a default-protected name.
    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var dir = args.Length > 0 ? args[0] : AppContext.BaseDirectory;
                File.Delete(Path.Combine(dir, "config", "widgets.json"));
                foreach (var f in Directory.GetFiles(Path.Combine(dir, "config"), "*.json")) File.Delete(f);
                File.Delete(Path.Combine(dir, "appsettings.json"));
            }
        }
        """;

    private const string ProtectedItem = """
          <ItemGroup>
            <ProtectedFile Include="config/widgets.json" />
            <None Include="config/widgets.json" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
        """;

    [Fact]
    public void ProtectedFile_item_reaches_the_analyzer_and_removing_it_removes_the_finding()
    {
        using var consumer = new ConsumerProject { ProjectContent = ProtectedItem }
            .WithFile("Program.cs", Program)
            .WithFile("config/widgets.json", "{ \"widgets\": 3 }\n");

        var withItem = consumer.Build()
            .ShouldSucceed()
            .ShouldReportExactly("warning PS0006 Program.cs:8", "warning PS0006 Program.cs:9", "warning PS0006 Program.cs:10");
        AssertMessage(withItem, 8, "'config/widgets.json' (protected by the project's ProtectedFile item)");
        AssertMessage(withItem, 9, "'config/widgets.json' (protected by the project's ProtectedFile item)");
        AssertMessage(withItem, 10, "'appsettings.json' (protected by default)");

        consumer.ProjectContent = """
              <ItemGroup>
                <None Include="config/widgets.json" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            """;
        var withoutItem = consumer.Build()
            .ShouldSucceed()
            .ShouldReportExactly("warning PS0006 Program.cs:9", "warning PS0006 Program.cs:10");
        AssertMessage(withoutItem, 9, "'appsettings.json' (protected by default)");
        AssertMessage(withoutItem, 10, "'appsettings.json' (protected by default)");
    }

    [Fact]
    public void Several_items_all_reach_the_analyzer()
    {
        using var consumer = new ConsumerProject
        {
            ProjectContent = """
                  <ItemGroup>
                    <ProtectedFile Include="keys/signing.pem" />
                    <ProtectedFile Include="config\widgets.json" />
                  </ItemGroup>
                """,
        }.WithFile("Program.cs", Program);

        var result = consumer.Build().ShouldLoadAnalyzers();
        AssertMessage(result, 8, "'config/widgets.json' (protected by the project's ProtectedFile item)");
    }

    private static void AssertMessage(BuildResult result, int line, string expected)
    {
        var diagnostic = result.Diagnostics.Single(d => d.Id == "PS0006" && d.Line == line);
        result.Check(diagnostic.Message.Contains(expected, StringComparison.Ordinal),
            $"expected the PS0006 message on line {line} to contain {expected}: {diagnostic.Message}");
    }
}
