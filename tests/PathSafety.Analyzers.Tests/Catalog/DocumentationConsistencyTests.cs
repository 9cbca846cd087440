using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Catalog;

/// <summary>
/// What a user reads matches what ships: every relative link in the README and docs/ lands on a file (and heading),
/// every '.editorconfig' key the analyzers read and every MSBuild property a user may set is documented.
/// </summary>
public partial class DocumentationConsistencyTests
{
    private static readonly string RepositoryRoot = Shipped.RepositoryRoot;

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in AllPages())
        {
            pages.Add(Path.GetRelativePath(RepositoryRoot, page).Replace('\\', '/'));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Relative_links_resolve_to_a_file_and_heading(string page)
    {
        var source = Path.Combine(RepositoryRoot, page);
        var broken = new List<string>();
        foreach (var link in RelativeLinks(File.ReadAllText(source)))
        {
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var target = hash < 0 ? link : link[..hash];
            var anchor = hash < 0 ? string.Empty : link[(hash + 1)..];
            var resolved = target.Length == 0 ? source : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, target));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add(link + " (no such file)");
            }
            else if (anchor.Length > 0 && (!File.Exists(resolved) || !HeadingAnchors(File.ReadAllText(resolved)).Contains(anchor)))
            {
                broken.Add(link + " (no such heading)");
            }
        }

        Assert.True(broken.Count == 0, page + ": " + string.Join(", ", broken));
    }

    [Fact]
    public void Link_finder_sees_links_and_skips_code()
    {
        var text = "See [a](docs/a.md#x) and [b](https://example.test/b).\n```ini\n[c](not/a/link.md)\n```\n`[d](code.md)`";
        Assert.Equal(["docs/a.md#x"], RelativeLinks(text));
        Assert.Contains("ci-warnings-in-the-ide-errors-in-ci", HeadingAnchors("## CI: warnings in the IDE, errors in CI\n"));
    }

    [Fact]
    public void Every_editorconfig_key_the_analyzers_read_is_documented()
    {
        var docs = AllDocumentation();
        var undocumented = OptionKeys().Where(key => !docs.Contains("`" + key, StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "read by the analyzers but not documented: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_editorconfig_key_the_docs_name_is_read_by_the_analyzers()
    {
        // 'pathsafety.manifest.json' is the build check's output file, not an option.
        var keys = OptionKeys().ToHashSet(StringComparer.Ordinal);
        var unknown = DocumentedKey().Matches(AllDocumentation())
            .Select(m => m.Groups["key"].Value)
            .Where(key => key != "pathsafety.manifest.json" && !keys.Contains(key))
            .Distinct()
            .ToList();
        Assert.True(unknown.Count == 0, "documented but read by no analyzer: " + string.Join(", ", unknown));
    }

    /// <summary>Every 'pathsafety.*' key the analyzers read: string constants anywhere in the analyzer assembly.</summary>
    private static List<string> OptionKeys()
    {
        var keys = typeof(Options.EditorConfigOptions).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith(Options.EditorConfigOptions.Prefix, StringComparison.Ordinal)
                && v.Length > Options.EditorConfigOptions.Prefix.Length)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(keys);
        return keys;
    }

    [Fact]
    public void Every_MSBuild_property_a_user_may_set_is_documented()
    {
        // A property the package only defaults ('$(X)' == '') is one the user may set; names starting with '_' are private.
        var properties = Directory.GetFiles(Path.Combine(RepositoryRoot, "build"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .SelectMany(f => XDocument.Load(f).Descendants())
            .Where(e => e.Parent?.Name.LocalName == "PropertyGroup"
                && e.Name.LocalName.StartsWith("PathSafety", StringComparison.Ordinal)
                && (string?)e.Attribute("Condition") is { } condition
                && condition.Contains("'$(" + e.Name.LocalName + ")' == ''", StringComparison.Ordinal))
            .Select(e => e.Name.LocalName)
            .Distinct()
            .ToList();
        Assert.Contains("PathSafetyVerifyOutputs", properties);

        var docs = AllDocumentation();
        Assert.All(properties, p => Assert.True(docs.Contains("`" + p, StringComparison.Ordinal), p + " can be set but is not documented"));
    }

    private static IEnumerable<string> AllPages() =>
        new[] { Path.Combine(RepositoryRoot, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

    private static string AllDocumentation() => string.Concat(AllPages().Select(File.ReadAllText));

    /// <summary>Link targets outside fenced and inline code that are not absolute URLs.</summary>
    private static List<string> RelativeLinks(string markdown)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(markdown, string.Empty), string.Empty);
        return MarkdownLink().Matches(prose)
            .Select(m => m.Groups["target"].Value)
            .Where(t => !UrlScheme().IsMatch(t))
            .ToList();
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> HeadingAnchors(string markdown)
    {
        var prose = FencedCode().Replace(markdown, string.Empty);
        return Heading().Matches(prose)
            .Select(m => AnchorPunctuation().Replace(m.Groups["text"].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"`(?<key>pathsafety\.[a-z_.]*[a-z_])")]
    private static partial Regex DocumentedKey();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\- _]")]
    private static partial Regex AnchorPunctuation();
}
