using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using PathSafety.CodeFixes;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.CodeFixes;

public class UnguardedDeleteCodeFixProviderTests
{
    /// <summary>Stands in for the embedded helper, which the package adds to consumer projects.</summary>
    internal const string PathGuard = """

        namespace PathSafety
        {
            internal static class PathGuard
            {
                public static string EnsureWithin(string root, string path) => path;
                public static bool IsWithin(string root, string path) => true;
            }
        }
        """;

    private static Task VerifyFix(string source, string fixedSource, params DiagnosticResult[] expected)
        => new FixTest<UnsafeDeleteAnalyzer, UnguardedDeleteCodeFixProvider>(source + PathGuard, fixedSource + PathGuard, expected)
            .WithEditorConfig("pathsafety.scope = all")
            .RunAsync();

    [Fact]
    public async Task Combine_argument_is_wrapped_with_its_root_and_a_using_is_added()
    {
        await VerifyFix(
            """
            using System.IO;

            class C
            {
                void M(string root, string name)
                {
                    {|#0:File.Delete(Path.Combine(root, name))|};
                }
            }
            """,
            """
            using System.IO;
            using PathSafety;

            class C
            {
                void M(string root, string name)
                {
                    File.Delete(PathGuard.EnsureWithin(root, Path.Combine(root, name)));
                }
            }
            """,
            PS0002(0, "File.Delete", "Path.Combine(root, name)"));
    }

    [Fact]
    public async Task Local_built_from_a_root_is_wrapped_for_every_delete_kind_with_fix_all()
    {
        await VerifyFix(
            """
            using System.IO;
            using PathSafety;

            class C
            {
                private readonly string _root = "/srv/app/cache";

                void M(string name, string sub)
                {
                    var target = Path.GetFullPath(Path.Combine(_root, name));
                    {|#0:File.Delete(target)|};
                    {|#1:Directory.Delete(target, recursive: true)|};
                    {|#2:new DirectoryInfo(Path.Join(_root, sub)).Delete(true)|};
                }
            }
            """,
            """
            using System.IO;
            using PathSafety;

            class C
            {
                private readonly string _root = "/srv/app/cache";

                void M(string name, string sub)
                {
                    var target = Path.GetFullPath(Path.Combine(_root, name));
                    File.Delete(PathGuard.EnsureWithin(_root, target));
                    Directory.Delete(PathGuard.EnsureWithin(_root, target), recursive: true);
                    new DirectoryInfo(PathGuard.EnsureWithin(_root, Path.Join(_root, sub))).Delete(true);
                }
            }
            """,
            PS0002(0, "File.Delete", "target"),
            PS0003(1, "Directory.Delete", "target"),
            PS0003(2, "DirectoryInfo.Delete", "new DirectoryInfo(Path.Join(_root, sub))"));
    }

    [Fact]
    public async Task No_fix_without_an_evident_root()
    {
        var source = """
            using System.IO;

            class C
            {
                void M(string path, string name, string root)
                {
                    {|#0:File.Delete(path)|};
                    var reassigned = Path.Combine(root, name);
                    reassigned = path;
                    {|#1:File.Delete(reassigned)|};
                    {|#2:File.Delete(Path.Combine(Path.GetTempPath(), name))|};
                    var info = new FileInfo(path);
                    {|#3:info.Delete()|};
                }
            }
            """;
        await new FixTest<UnsafeDeleteAnalyzer, UnguardedDeleteCodeFixProvider>(
                source + PathGuard,
                source + PathGuard,
                PS0002(0, "File.Delete", "path"),
                PS0002(1, "File.Delete", "reassigned"),
                PS0002(2, "File.Delete", "Path.Combine(Path.GetTempPath(), name)"),
                PS0002(3, "FileInfo.Delete", "info"))
            .WithEditorConfig("pathsafety.scope = all")
            .RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_project_has_no_PathGuard()
    {
        var source = """
            using System.IO;

            class C
            {
                void M(string root, string name) => {|#0:File.Delete(Path.Combine(root, name))|};
            }
            """;
        await new FixTest<UnsafeDeleteAnalyzer, UnguardedDeleteCodeFixProvider>(source, source, PS0002(0, "File.Delete", "Path.Combine(root, name)"))
            .WithEditorConfig("pathsafety.scope = all")
            .RunAsync();
    }

    [Fact]
    public async Task Info_local_gets_its_creation_path_wrapped()
    {
        await VerifyFix(
            """
            using System.IO;
            using PathSafety;

            class C
            {
                void M(string root, string name)
                {
                    var dir = new DirectoryInfo(Path.Combine(root, name));
                    {|#0:dir.Delete(true)|};
                }
            }
            """,
            """
            using System.IO;
            using PathSafety;

            class C
            {
                void M(string root, string name)
                {
                    var dir = new DirectoryInfo(PathGuard.EnsureWithin(root, Path.Combine(root, name)));
                    dir.Delete(true);
                }
            }
            """,
            PS0003(0, "DirectoryInfo.Delete", "dir"));
    }
}
