using System.Reflection;
using Microsoft.CodeAnalysis;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Catalog;

/// <summary>Every rule is listed the same way everywhere a user or a tool looks for it.</summary>
public partial class RuleCatalogTests
{
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
    public void Catalog_lists_every_descriptor_once_in_id_order()
    {
        Assert.Equal(AllDescriptors().Select(d => d.Id), RuleCatalog.Rules.Select(r => r.Descriptor.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Catalog_code_fix_column_matches_the_shipped_code_fixes(string id)
    {
        var entry = RuleCatalog.Rules.Single(r => r.Descriptor.Id == id);
        var fixable = Shipped.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id));
        Assert.True(
            fixable ? entry.CodeFix.StartsWith("Yes", StringComparison.Ordinal) : entry.CodeFix == "No",
            id + (fixable ? " has a code fix; its catalog entry should say 'Yes'" : " has no code fix; its catalog entry should say 'No'"));
        Assert.Contains(entry.Scope, new[] { RuleCatalog.MaintenanceCode, RuleCatalog.MaintenanceCodeAndDeletes, RuleCatalog.Everywhere });
    }
}
