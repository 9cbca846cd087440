using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Values;

/// <summary>
/// Which writes of a local reach a read (LocalAssignments.Reaching): decided by the block structure when the last
/// write is a whole statement before the read's statement in one block, else along the control-flow graph. PS0001
/// shows the answer: a relative value that reaches the read is reported, one that a later write replaces is not.
/// </summary>
public class LocalAssignmentsReachingTests
{
    private static DiagnosticResult PS0001(int markup, string value, string condition = "")
        => new DiagnosticResult(DiagnosticDescriptors.RelativePath)
            .WithLocation(markup)
            .WithArguments("File.Delete", value, condition.Length == 0 ? string.Empty : " " + condition);

    private static Task Verify(string body, params DiagnosticResult[] expected)
        => new RuleTest<RelativePathAnalyzer>(
            $$"""
            using System;
            using System.IO;

            class C
            {
                void M(bool again, int count)
                {
                    {{body}}
                }
            }
            """,
            expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task The_last_statement_write_before_the_read_decides_also_for_a_read_in_a_nested_block()
    {
        await Verify(
            """
            var anchored = "logs";
            anchored = Path.Combine(AppContext.BaseDirectory, anchored);
            if (again) { File.Delete(anchored); }
            var replaced = Path.Combine(AppContext.BaseDirectory, "logs");
            replaced = {|#1:"logs"|};
            if (again) { File.Delete({|#0:replaced|}); }
            """,
            PS0001(0, "\"logs\"").WithLocation(1));
    }

    [Fact]
    public async Task A_label_between_the_write_and_the_read_lets_an_earlier_value_reach_it()
    {
        // 'goto use' skips the anchoring write: the block structure alone would miss the relative value.
        await Verify(
            """
            var path = {|#1:"logs"|};
            if (again) goto use;
            path = Path.Combine(AppContext.BaseDirectory, path);
            use:
            File.Delete({|#0:path|});
            """,
            PS0001(0, "\"logs\"", "when the value assigned on line 8 reaches it").WithLocation(1));
    }

    [Fact]
    public async Task A_write_after_the_read_in_a_loop_reaches_it_on_the_next_pass()
    {
        await Verify(
            """
            var path = Path.Combine(AppContext.BaseDirectory, "logs");
            while (again) { if (count > 0) { File.Delete({|#0:path|}); } path = {|#1:"logs"|}; }
            """,
            PS0001(0, "\"logs\"", "when the value assigned on line 9 reaches it").WithLocation(1));
    }

    [Fact]
    public async Task A_write_before_the_read_in_a_loop_body_replaces_what_the_last_pass_left()
    {
        await Verify(
            """
            var path = Path.Combine(AppContext.BaseDirectory, "logs");
            for (var i = 0; i < count; i++)
            {
                path = Path.Combine(AppContext.BaseDirectory, "cache");
                File.Delete(path);
                path = "logs";
            }
            """);
    }

    [Fact]
    public async Task Writes_inside_a_condition_or_an_expression_are_judged_along_the_graph()
    {
        // The last write is not a whole statement of the read's block ('if', nested assignment, '??='): the graph
        // decides, and the relative value reaches the read on one path.
        await Verify(
            """
            var branch = {|#1:"logs"|};
            if (again) { branch = Path.Combine(AppContext.BaseDirectory, "logs"); }
            File.Delete({|#0:branch|});
            string? kept = {|#3:"logs"|};
            kept ??= Path.Combine(AppContext.BaseDirectory, "logs");
            File.Delete({|#2:kept|});
            """,
            PS0001(0, "\"logs\"", "when the value assigned on line 8 reaches it").WithLocation(1),
            PS0001(2, "\"logs\"", "when the value assigned on line 11 reaches it").WithLocation(3));
    }

    [Fact]
    public async Task A_write_in_a_lambda_is_not_ordered_by_its_place_in_the_text()
    {
        await Verify(
            """
            var path = Path.Combine(AppContext.BaseDirectory, "logs");
            Action reset = () => path = "logs";
            path = Path.Combine(AppContext.BaseDirectory, "cache");
            reset();
            File.Delete(path);
            """);
    }
}
