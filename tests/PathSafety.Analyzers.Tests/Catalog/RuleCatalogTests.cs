using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Tests.Catalog;

/// <summary>Every rule is listed the same way everywhere a user or a tool looks for it.</summary>
public partial class RuleCatalogTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(
        typeof(RuleCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static List<DiagnosticDescriptor> AllDescriptors()
        => typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Rule_ids_are_unique_and_in_the_analyzer_range()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^PS00(0[1-9]|[1-9][0-9])$", id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Help_link_points_at_the_rule_page(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        Assert.Equal("https://github.com/PathSafety/PathSafety/blob/main/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void CI_mode_raises_exactly_the_analyzer_rules()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "build", "PathSafety.CI.globalconfig"));
        var listed = SeverityLine().Matches(text).Select(m => m.Groups["id"].Value).Order(StringComparer.Ordinal);

        Assert.Equal(AllDescriptors().Select(d => d.Id), listed);
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "PathSafety.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot, "src", "PathSafety.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in AllDescriptors())
        {
            Assert.Matches(new Regex("^" + descriptor.Id + @" \| " + Regex.Escape(descriptor.Category) + @" \| " + descriptor.DefaultSeverity + " ", RegexOptions.Multiline), text);
        }
    }

    [GeneratedRegex(@"^dotnet_diagnostic\.(?<id>PS\d{4})\.severity\s*=\s*error\s*$", RegexOptions.Multiline)]
    private static partial Regex SeverityLine();
}
