using System.Text.RegularExpressions;

namespace PathSafety.Analyzers.Tests.Catalog;

/// <summary>
/// Every rule's help link lands on a page that answers what a user asks (what, why, examples, fix, options),
/// and the README lists the rule with that page. A rule without its page is not done.
/// </summary>
public partial class RuleCatalogTests
{
    private static readonly string[] RequiredSections = ["## What it finds", "## Why it matters", "## Examples", "## How to fix", "## Options"];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_exists_with_every_section(string id)
    {
        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);

        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text, StringComparison.Ordinal);
        Assert.All(RequiredSections, section => Assert.Contains("\n" + section + "\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal));

        // Examples show code that fires and code that does not.
        Assert.True(Regex.Matches(text, "```csharp").Count >= 2, id + ".md needs examples that fire and that do not");
        Assert.Contains(id, text.Split("## Examples")[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Readme_lists_the_rule_with_its_page_title_and_severity(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot, "README.md"));

        var row = Assert.Single(readme, line => line.StartsWith("| " + id + " |", StringComparison.Ordinal));
        Assert.Contains("(docs/rules/" + id + ".md)", row, StringComparison.Ordinal);
        Assert.Contains("| " + descriptor.DefaultSeverity + " |", row, StringComparison.Ordinal);
        Assert.Contains(PlainTitle(descriptor.Title.ToString()), PlainTitle(row), StringComparison.Ordinal);
    }

    [Fact]
    public void No_rule_page_without_a_rule()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(AllDescriptors().Select(d => d.Id), pages);
    }

    private static string PlainTitle(string text) => text.Replace("`", string.Empty, StringComparison.Ordinal);
}
