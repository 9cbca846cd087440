using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RootedPathCombineSegments;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.RootedPathCombineSegments;

public class RootedPathCombineSegmentAnalyzerTests
{
    private static DiagnosticResult PS0005(int markup, string segment)
        => new DiagnosticResult(DiagnosticDescriptors.RootedPathCombineSegment).WithLocation(markup).WithArguments(segment);

    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<RootedPathCombineSegmentAnalyzer>(Wrap(body), expected).RunAsync();

    private static string Wrap(string body) => $$"""
        using System;
        using System.IO;

        class C
        {
            const string Rooted = "/etc";
            const string Relative = "logs";
            static readonly string Shared = "/shared";

            void M(string root, string name, string[] parts)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("/srv/app/config.json")]
    [InlineData(@"\logs")]
    [InlineData(@"C:\logs")]
    [InlineData("C:logs")]
    [InlineData(@"\\server\share")]
    [InlineData("//server/share")]
    public async Task Second_segment_rooted_on_any_platform_is_reported(string segment)
    {
        var literal = "@\"" + segment + "\"";
        await Verify($"_ = Path.Combine(root, {{|#0:{literal}|}});", PS0005(0, "\"" + segment + "\""));
    }

    [Fact]
    public async Task Every_fixed_overload_checks_every_later_segment()
    {
        await Verify(
            """
            _ = Path.Combine(root, "a", {|#0:"/b"|});
            _ = Path.Combine(root, {|#1:"/a"|}, "b", {|#2:"\\c"|});
            """,
            PS0005(0, "\"/b\""),
            PS0005(1, "\"/a\""),
            PS0005(2, "\"\\c\""));
    }

    [Fact]
    public async Task Params_array_expanded_and_explicit_are_reported_after_the_first_element()
    {
        await Verify(
            """
            _ = Path.Combine(root, "a", "b", "c", {|#0:"/d"|});
            _ = Path.Combine(new[] { "/first-is-fine", {|#1:"/e"|} });
            _ = Path.Combine(new string[] { root, name, {|#2:"C:\\x"|} });
            """,
            PS0005(0, "\"/d\""),
            PS0005(1, "\"/e\""),
            PS0005(2, "\"C:\\x\""));
    }

    [Fact]
    public async Task Constant_field_and_named_arguments_are_reported()
    {
        await Verify(
            """
            _ = Path.Combine(root, {|#0:Rooted|});
            _ = Path.Combine(path2: {|#1:"/x"|}, path1: root);
            """,
            PS0005(0, "\"/etc\""),
            PS0005(1, "\"/x\""));
    }

    [Fact]
    public async Task Collection_expression_argument_is_reported()
    {
        await Verify(
            """
            _ = Path.Combine([root, {|#0:"/x"|}]);
            """,
            PS0005(0, "\"/x\""));
    }

    [Fact]
    public async Task Strings_known_to_start_rooted_are_reported_whatever_follows()
    {
        // Precision corpus: 'Path.Combine(env.WebRootPath, $"/favicons/{team}.ico")' is a real bug shape; the hole
        // does not matter, the leading '/' already makes Combine drop the web root.
        await Verify(
            """
            _ = Path.Combine(root, {|#0:$"/uploads/{name}"|});
            _ = Path.Combine(root, {|#1:"/" + name|});
            _ = Path.Combine(root, {|#2:Path.DirectorySeparatorChar + name|});
            _ = Path.Combine(root, "a", {|#3:$"{Path.AltDirectorySeparatorChar}{name}"|});
            _ = Path.Combine(root, {|#4:'\\' + name + ".log"|});
            _ = Path.Combine(root, {|#5:$"C:{name}"|});
            _ = Path.Combine(root, {|#6:Path.DirectorySeparatorChar.ToString()|});
            _ = Path.Combine(root, {|#7:Shared|});
            """,
            PS0005(0, "$\"/uploads/{name}\""),
            PS0005(1, "\"/\" + name"),
            PS0005(2, "Path.DirectorySeparatorChar + name"),
            PS0005(3, "$\"{Path.AltDirectorySeparatorChar}{name}\""),
            PS0005(4, "'\\\\' + name + \".log\""),
            PS0005(5, "$\"C:{name}\""),
            PS0005(6, "Path.DirectorySeparatorChar.ToString()"),
            PS0005(7, "\"/shared\""));
    }

    [Theory]
    [InlineData("""_ = Path.Combine("/srv/app", "logs");""")]
    [InlineData("""_ = Path.Combine("/srv/app", Relative, "x.log");""")]
    [InlineData("""_ = Path.Combine(root, name);""")]
    [InlineData("""_ = Path.Combine(parts);""")]
    [InlineData("""_ = Path.Combine(root, "");""")]
    [InlineData("""_ = Path.Combine(root, "logs/app.log");""")]
    [InlineData("""_ = Path.Combine(root, "~/x");""")]
    [InlineData("""_ = Path.Join(root, "/x");""")]
    [InlineData("""_ = Path.Join(root, "a", "/x", "b");""")]
    [InlineData("""_ = string.Concat(root, "/x");""")]
    [InlineData("""_ = Path.Combine(root, $"{name}/x");""")]
    [InlineData("""_ = Path.Combine(root, name + "/x");""")]
    [InlineData("""_ = Path.Combine(root, "" + name);""")]
    [InlineData("""_ = Path.Combine(root, $"C{name}");""")]
    [InlineData("""_ = Path.Combine(root, Path.PathSeparator + name);""")]
    [InlineData("""_ = Path.Join(root, $"/{name}");""")]
    public async Task Not_reported(string statement)
    {
        await Verify(statement);
    }

    [Fact]
    public async Task A_user_type_named_Path_is_not_System_IO_Path()
    {
        var source = """
            namespace Other
            {
                static class Path { public static string Combine(string a, string b) => a + b; }
                class C { string M(string root) => Path.Combine(root, "/x"); }
            }
            """;
        await new RuleTest<RootedPathCombineSegmentAnalyzer>(source).RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        var source = """
            // <auto-generated/>
            using System.IO;
            class C { string M(string root) => Path.Combine(root, "/x"); }
            """;
        await new RuleTest<RootedPathCombineSegmentAnalyzer>(source).RunAsync();
    }
}
