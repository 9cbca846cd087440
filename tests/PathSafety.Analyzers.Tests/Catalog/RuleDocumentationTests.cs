using System.Text.RegularExpressions;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Catalog;

/// <summary>
/// Every rule's help link lands on a page that answers what a user asks (what, why, examples, fix, options),
/// and every page belongs to a rule. A rule without its page is not done.
/// </summary>
public partial class RuleCatalogTests
{
    private static readonly string[] RequiredSections = ["## What it finds", "## Why it matters", "## Examples", "## How to fix", "## Options"];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_page_exists_with_every_section(string id)
    {
        var page = Shipped.RepositoryFile("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "missing " + page);

        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": ", text, StringComparison.Ordinal);
        Assert.All(RequiredSections, section => Assert.Contains("\n" + section + "\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal));

        // Examples show code that fires and code that does not.
        Assert.True(Regex.Matches(text, "```csharp").Count >= 2, id + ".md needs examples that fire and that do not");
        Assert.Contains(id, text.Split("## Examples")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void No_rule_page_without_a_rule()
    {
        var pages = Directory.GetFiles(Shipped.RepositoryFile("docs", "rules"),
            "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(AllDescriptors().Select(d => d.Id), pages);
    }
}
