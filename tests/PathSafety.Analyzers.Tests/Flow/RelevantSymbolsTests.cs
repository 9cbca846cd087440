using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// Which locals and parameters the guard flow of a block keeps facts about: those tied to what its deletes delete.
/// The rule tests below are the guards that reach the deleted value only through such a tie, each with its unsafe twin.
/// </summary>
public class RelevantSymbolsTests
{
    [Fact]
    public void Ties_run_through_writes_either_way_and_through_calls_and_comparisons()
    {
        var relevant = RelevantNames("""
            void M(string root, string name, string other, string unrelated, string log)
            {
                var full = Path.GetFullPath(Path.Combine(root, name));
                var copy = full;
                if (Path.GetDirectoryName(copy) != other) return;
                Console.WriteLine(unrelated + log);
                File.Delete(Path.Combine(root, name));
            }
            """);

        Assert.Equal(["copy", "full", "name", "other", "root"], relevant);
    }

    [Fact]
    public void A_foreach_variable_is_tied_to_its_collection_and_an_out_argument_to_its_call()
    {
        var relevant = RelevantNames("""
            void M(string folder, string pattern, string text, string elsewhere)
            {
                foreach (var file in Directory.GetFiles(folder, pattern))
                {
                    if (Guid.TryParse(text, out var id) && file.Contains(id.ToString())) File.Delete(file);
                }

                Console.WriteLine(elsewhere);
            }
            """);

        Assert.Equal(["file", "folder", "id", "pattern", "text"], relevant);
    }

    [Fact]
    public void A_block_that_deletes_nothing_it_reads_keeps_no_symbol()
        => Assert.Empty(RelevantNames("""
            void M(string path)
            {
                Console.WriteLine(path);
                File.Delete("/var/cache/app/state.json");
            }
            """));

    [Fact]
    public async Task A_guard_on_a_local_the_deleted_value_is_copied_from_still_counts()
        => await VerifyDelete("""
            var full = Path.GetFullPath(path);
            EnsureInside(root, full);
            var copy = full;
            File.Delete(copy);
            var other = Path.GetFullPath(name);
            if (other.Length > 0) Console.WriteLine(other);
            var second = other;
            {|#0:File.Delete(second)|};
            """,
            PS0002(0, "File.Delete", "second"));

    [Fact]
    public async Task A_guard_helper_called_on_a_local_the_delete_reads_still_counts_and_one_on_another_local_does_not()
        => await VerifyDelete("""
            var target = Path.Combine(root, name);
            EnsureInside(root, target);
            File.Delete(target);
            var unrelated = Path.Combine(root, path);
            EnsureInside(root, unrelated);
            {|#0:File.Delete(Path.Combine(root, path))|};
            """,
            PS0002(0, "File.Delete", "Path.Combine(root, path)"));

    [Fact]
    public async Task A_path_that_reads_no_local_or_parameter_is_judged_by_its_value_alone()
        => await VerifyDelete("""
            {|#0:File.Delete(Target)|};
            File.Delete(Path.Combine(Path.GetTempPath(), "app", "state.json"));
            File.Delete(Path.Combine(Cache, Name));
            throw new InvalidOperationException();
            // No graph is built for it, so code after a throw is judged too (docs/guards.md).
            {|#1:Directory.Delete(Target + ".d", true)|};
            """,
            PS0002(0, "File.Delete", "Target"),
            PS0003(1, "Directory.Delete", "Target + \".d\""));

    private static Task VerifyDelete(string body, params DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>($$"""
            using System;
            using System.IO;

            class Cleaner
            {
                static void EnsureInside(string root, string candidate)
                {
                    var full = Path.GetFullPath(candidate);
                    var prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                    if (!full.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException(candidate);
                }

                static string Target = "";
                static readonly string Cache = Path.Combine(Path.GetTempPath(), "app");
                const string Name = "entries.db";

                void M(string path, string name)
                {
                    var root = Path.Combine(Path.GetTempPath(), "app");
                    {{body}}
                }
            }
            """, expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    private static string[] RelevantNames(string method)
    {
        var tree = CSharpSyntaxTree.ParseText($$"""
            using System;
            using System.IO;
            class C
            {
                {{method}}
            }
            """);
        var compilation = CSharpCompilation.Create(
            "relevant",
            [tree],
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Select(file => MetadataReference.CreateFromFile(file)));
        var model = compilation.GetSemanticModel(tree);
        var body = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var root = model.GetOperation(body)!;
        var targets = root.DescendantsAndSelf().OfType<IInvocationOperation>()
            .Where(i => i.TargetMethod.Name == "Delete")
            .Select(i => i.Arguments[0].Value)
            .ToList();
        return RelevantSymbols.Of(root, targets).Select(s => s.Name).Order(StringComparer.Ordinal).ToArray();
    }
}
