using System.Text;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Catalog;

/// <summary>
/// The README rule table, the CI globalconfig and the release-tracking rows are rendered from the rule catalog
/// (<see cref="DiagnosticDescriptors"/> and <see cref="RuleCatalog"/>) and must equal it; a failure prints the exact
/// text to paste.
/// </summary>
public class RuleListingTests
{
    private const string ReadmeTableHeader = "| ID | Title | Default severity | Enabled by default | Scope | Code fix | Configurable | Docs |";

    [Fact]
    public void Readme_rule_table_is_the_catalog()
    {
        var expected = new StringBuilder()
            .Append(ReadmeTableHeader).Append('\n')
            .Append("|----|-------|------------------|--------------------|-------|----------|--------------|------|\n");
        foreach (var rule in RuleCatalog.Rules)
        {
            var d = rule.Descriptor;
            expected.Append($"| {d.Id} | {d.Title} | {d.DefaultSeverity} | {(d.IsEnabledByDefault ? "Yes" : "No")} | {rule.Scope} | ")
                .Append($"{rule.CodeFix} | {rule.Configurable} | [{d.Id}](docs/rules/{d.Id}.md) |\n");
        }

        var readme = File.ReadAllLines(Shipped.RepositoryFile("README.md"));
        var actual = string.Concat(readme
            .SkipWhile(line => line != ReadmeTableHeader)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line + "\n"));
        AssertListing("README.md's rule table", expected.ToString(), actual);
    }

    [Fact]
    public void CI_globalconfig_raises_exactly_the_catalog_rules()
    {
        var expected = string.Concat(RuleCatalog.Rules.Select(r => $"dotnet_diagnostic.{r.Descriptor.Id}.severity = error\n"));
        var actual = string.Concat(File.ReadAllLines(Shipped.RepositoryFile("build", "PathSafety.CI.globalconfig"))
            .Where(line => line.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .Select(line => line + "\n"));
        AssertListing("build/PathSafety.CI.globalconfig's severity lines", expected, actual);
    }

    [Fact]
    public void Unshipped_release_tracking_lists_every_rule_not_yet_shipped()
    {
        // Shipped rows are frozen history (the release-tracking analyzer checks them in the build); every other rule is new.
        var shipped = File.ReadAllText(Shipped.RepositoryFile("src", "PathSafety.Analyzers", "AnalyzerReleases.Shipped.md"));
        var expected = new StringBuilder();
        foreach (var rule in RuleCatalog.Rules.Where(r => !shipped.Contains("\n" + r.Descriptor.Id + " ", StringComparison.Ordinal)))
        {
            var d = rule.Descriptor;
            var analyzer = Assert.Single(Shipped.Analyzers, a => a.SupportedDiagnostics.Any(s => s.Id == d.Id)).GetType().Name;
            expected.Append($"{d.Id} | {d.Category} | {d.DefaultSeverity} | {analyzer}, [Documentation]({d.HelpLinkUri})\n");
        }

        var actual = string.Concat(File.ReadAllLines(Shipped.RepositoryFile("src", "PathSafety.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .SkipWhile(line => line != "### New Rules")
            .Skip(1)
            .TakeWhile(line => !line.StartsWith('#'))
            .Where(line => line.StartsWith("PS", StringComparison.Ordinal))
            .Select(line => line + "\n"));
        AssertListing("AnalyzerReleases.Unshipped.md's New Rules rows", expected.ToString(), actual);
    }

    private static void AssertListing(string what, string expected, string actual)
        => Assert.True(expected == actual, what + " should read exactly:\n" + expected + "\nbut reads:\n" + actual);
}
