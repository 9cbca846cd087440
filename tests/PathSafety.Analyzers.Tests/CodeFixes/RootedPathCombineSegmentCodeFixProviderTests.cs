using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RootedPathCombineSegments;
using PathSafety.Analyzers.Tests.Verifiers;
using PathSafety.CodeFixes;

namespace PathSafety.Analyzers.Tests.CodeFixes;

public class RootedPathCombineSegmentCodeFixProviderTests
{
    internal static DiagnosticResult PS0005(int markup, string segment)
        => new DiagnosticResult(DiagnosticDescriptors.RootedPathCombineSegment).WithLocation(markup).WithArguments(segment);

    private static string Wrap(string body) => $$"""
        using System.IO;

        class C
        {
            const string Rooted = "/etc";

            string M(string root)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Leading_separators_are_removed()
    {
        await new FixTest<RootedPathCombineSegmentAnalyzer, RootedPathCombineSegmentCodeFixProvider>(
            Wrap("""return Path.Combine(root, {|#0:"/config.json"|}) + Path.Combine(root, {|#1:"\\\\logs\\x"|});"""),
            Wrap("""return Path.Combine(root, "config.json") + Path.Combine(root, "logs\\x");"""),
            PS0005(0, "\"/config.json\""),
            PS0005(1, "\"\\\\logs\\x\"")).RunAsync();
    }

    [Fact]
    public async Task Verbatim_literal_stays_verbatim()
    {
        await new FixTest<RootedPathCombineSegmentAnalyzer, RootedPathCombineSegmentCodeFixProvider>(
            Wrap("""return Path.Combine(root, {|#0:@"\logs\app.log"|});"""),
            Wrap("""return Path.Combine(root, @"logs\app.log");"""),
            PS0005(0, "\"\\logs\\app.log\"")).RunAsync();
    }

    [Fact]
    public async Task Fix_all_fixes_every_segment_in_the_document()
    {
        await new FixTest<RootedPathCombineSegmentAnalyzer, RootedPathCombineSegmentCodeFixProvider>(
            Wrap("""return Path.Combine(root, {|#0:"/a"|}, {|#1:"/b"|}, "c", {|#2:"/d"|});"""),
            Wrap("""return Path.Combine(root, "a", "b", "c", "d");"""),
            PS0005(0, "\"/a\""),
            PS0005(1, "\"/b\""),
            PS0005(2, "\"/d\"")).RunAsync();
    }

    [Theory]
    [InlineData("""return Path.Combine(root, {|#0:"C:\\logs"|});""", "\"C:\\logs\"")]
    [InlineData("""return Path.Combine(root, {|#0:"/"|});""", "\"/\"")]
    [InlineData("""return Path.Combine(root, {|#0:Rooted|});""", "\"/etc\"")]
    public async Task No_fix_where_trimming_cannot_express_the_intent(string body, string segment)
    {
        await new FixTest<RootedPathCombineSegmentAnalyzer, RootedPathCombineSegmentCodeFixProvider>(
            Wrap(body),
            Wrap(body),
            PS0005(0, segment)).RunAsync();
    }
}
