using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// 'pathsafety.guard_methods': documentation-comment IDs, as BannedApiAnalyzers writes them. Entries are separated by
/// commas: in .editorconfig a ';' starts a comment.
/// </summary>
public class GuardMethodsTests
{
    private const string Source = """
        using System.IO;

        namespace Company.IO
        {
            static class Paths
            {
                public static void Require(string root, string path) { }
                public static void Require(string path) { }
                public static bool IsInside(string root, string path) => true;
                public static string Resolve(string root, string name) => name;
            }
        }

        class C
        {
            void One(string root, string path)
            {
                Company.IO.Paths.Require(root, path);
                {|#0:File.Delete(path)|};
            }

            void Two(string path)
            {
                Company.IO.Paths.Require(path);
                {|#1:File.Delete(path)|};
            }

            void Three(string root, string path)
            {
                if (Company.IO.Paths.IsInside(root, path)) {|#2:File.Delete(path)|};
            }

            void Four(string root, string name)
            {
                {|#3:File.Delete(Company.IO.Paths.Resolve(root, name))|};
            }
        }
        """;

    private static Task Verify(string option, params int[] reported)
    {
        var targets = new[] { "path", "path", "path", "Company.IO.Paths.Resolve(root, name)" };
        var expected = reported.Select(i => PS0002(i, "File.Delete", targets[i])).ToArray();
        return new RuleTest<UnsafeDeleteAnalyzer>(Source, expected)
            .WithEditorConfig("pathsafety.scope = all", "pathsafety.guard_methods = " + option)
            .RunAsync();
    }

    [Fact]
    public async Task Exact_ID_matches_only_that_overload()
        => await Verify("M:Company.IO.Paths.Require(System.String,System.String)", 1, 2, 3);

    [Fact]
    public async Task ID_without_parameters_matches_every_overload()
        => await Verify("M:Company.IO.Paths.Require", 2, 3);

    [Fact]
    public async Task Prefix_may_be_left_out_and_lists_use_commas()
        => await Verify("Company.IO.Paths.IsInside(System.String,System.String), M:Company.IO.Paths.Resolve,Company.IO.Paths.Require", []);

    [Fact]
    public async Task Unknown_and_empty_entries_are_ignored()
        => await Verify(", M:Company.IO.Nothing.Here, ,", 0, 1, 2, 3);
}
