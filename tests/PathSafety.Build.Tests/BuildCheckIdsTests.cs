using System.Reflection;
using System.Xml.Linq;

namespace PathSafety.Build.Tests;

/// <summary>Every build-check code has its docs page, and CI mode raises exactly these codes.</summary>
public sealed class BuildCheckIdsTests
{
    private static readonly string[] Codes =
    [
        BuildCheckIds.MissingFromBuildOutput,
        BuildCheckIds.MissingFromPublishOutput,
        BuildCheckIds.EmptyFile,
        BuildCheckIds.HashMismatch,
        BuildCheckIds.InvalidDeclaration,
    ];

    private static string RepositoryRoot =>
        typeof(BuildCheckIdsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void Codes_are_PS1001_to_PS1005()
    {
        Assert.Equal(["PS1001", "PS1002", "PS1003", "PS1004", "PS1005"], Codes);
    }

    [Fact]
    public void Each_help_link_points_at_an_existing_page_that_the_README_links()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        foreach (var code in Codes)
        {
            var link = BuildCheckIds.GetHelpUri(code);
            Assert.EndsWith("/blob/main/docs/build/" + code + ".md", link, StringComparison.Ordinal);
            var page = Path.Combine(RepositoryRoot, "docs", "build", code + ".md");
            Assert.True(File.Exists(page), page);
            Assert.StartsWith("# " + code + ": ", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.Contains("(docs/build/" + code + ".md)", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CI_mode_raises_exactly_the_build_check_codes()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot, "build", "PathSafety.props"));
        var ids = props.Descendants().Single(e => e.Name.LocalName == "_PathSafetyBuildCheckIds").Value;

        Assert.Equal(Codes, ids.Split(';'));
    }
}
