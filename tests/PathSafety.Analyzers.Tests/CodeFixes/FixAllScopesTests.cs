using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Rules.RootedPathCombineSegments;
using PathSafety.Analyzers.Tests.Verifiers;
using PathSafety.CodeFixes;
using PathSafety.Analyzers.Tests.Rules.ContainmentChecks;
using static PathSafety.Analyzers.Tests.Rules.ContainmentChecks.WeakContainmentCheckAnalyzerTests;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// Fix All in document, project and solution scope (the Testing library runs all three and compares each with the
/// fixed state) over two files with several findings each, some of which no fix handles.
/// </summary>
public class FixAllScopesTests
{
    private const string Separated = ".TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar";

    [Fact]
    public async Task Deletes_that_need_the_same_using_and_share_a_local_are_all_guarded_once()
    {
        const string Source = """
            using System.IO;

            class C
            {
                private readonly string _cache = "/srv/app/cache";

                void M(string root, string name, string path, bool flag)
                {
                    {|#0:File.Delete(path)|};
                    {|#1:File.Delete(Path.Combine(root, name))|};
                    {|#2:Directory.Delete(Path.Combine(_cache, name), recursive: true)|};
                    var info = new DirectoryInfo(Path.Combine(_cache, name));
                    if (flag) {|#3:info.Delete(true)|}; else {|#4:info.Delete(recursive: true)|};
                }
            }
            """;
        const string Fixed = """
            using System.IO;
            using PathSafety;

            class C
            {
                private readonly string _cache = "/srv/app/cache";

                void M(string root, string name, string path, bool flag)
                {
                    {|#0:File.Delete(path)|};
                    File.Delete(PathGuard.EnsureWithin(root, Path.Combine(root, name)));
                    Directory.Delete(PathGuard.EnsureWithin(_cache, Path.Combine(_cache, name)), recursive: true);
                    var info = new DirectoryInfo(PathGuard.EnsureWithin(_cache, Path.Combine(_cache, name)));
                    if (flag) info.Delete(true); else info.Delete(recursive: true);
                }
            }
            """;
        var test = new FixTest<UnsafeDeleteAnalyzer, UnguardedDeleteCodeFixProvider>(Source, Fixed)
            .WithEditorConfig("pathsafety.scope = all");
        var second = Source.Replace("class C", "class D")
            .Replace("#0:", "#5:").Replace("#1:", "#6:").Replace("#2:", "#7:").Replace("#3:", "#8:").Replace("#4:", "#10:");
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.TestState.Sources.Add(("/0/Guard.cs", UnguardedDeleteCodeFixProviderTests.PathGuard));
        test.FixedState.Sources.Add(("/0/Test1.cs", Fixed.Replace("class C", "class D").Replace("#0:", "#5:")));
        test.FixedState.Sources.Add(("/0/Guard.cs", UnguardedDeleteCodeFixProviderTests.PathGuard));
        test.ExpectedDiagnostics.AddRange(
        [
            PS0002(0, "File.Delete", "path"), PS0002(1, "File.Delete", "Path.Combine(root, name)"),
            PS0003(2, "Directory.Delete", "Path.Combine(_cache, name)"),
            PS0003(3, "DirectoryInfo.Delete", "info"), PS0003(4, "DirectoryInfo.Delete", "info"),
            PS0002(5, "File.Delete", "path"), PS0002(6, "File.Delete", "Path.Combine(root, name)"),
            PS0003(7, "Directory.Delete", "Path.Combine(_cache, name)"),
            PS0003(8, "DirectoryInfo.Delete", "info"), PS0003(10, "DirectoryInfo.Delete", "info"),
        ]);
        test.FixedState.ExpectedDiagnostics.AddRange([PS0002(0, "File.Delete", "path"), PS0002(5, "File.Delete", "path")]);
        test.CodeActionEquivalenceKey = UnguardedDeleteCodeFixProvider.EquivalenceKey;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfIncrementalIterations = 6;
        await test.RunAsync();
    }

    [Fact]
    public async Task Checks_missing_one_or_all_ingredients_get_their_complete_fix_from_the_first_findings_action()
    {
        // The first finding misses one ingredient; Fix All from its action must still complete the others. The root
        // 'Root + "x"' also needs parentheses before TrimEnd, or only "x" would be trimmed.
        await new FixTest<WeakContainmentCheckAnalyzer, WeakContainmentCheckCodeFixProvider>(
            WeakContainmentCheckAnalyzerTests.Wrap(
                """
                var full = Path.GetFullPath(path);
                if ({|#0:full.StartsWith(root + Path.DirectorySeparatorChar)|}) File.Delete(full);
                if ({|#1:name.StartsWith(root)|}) File.Delete(name);
                if ({|#2:full.StartsWith(Root + "x", true, System.Globalization.CultureInfo.InvariantCulture)|}) File.Delete(full);
                """),
            WeakContainmentCheckAnalyzerTests.Wrap(
                $$"""
                var full = Path.GetFullPath(path);
                if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) File.Delete(full);
                if (Path.GetFullPath(name).StartsWith(root{{Separated}}, StringComparison.Ordinal)) File.Delete(name);
                if ({|#2:full.StartsWith((Root + "x"){{Separated}}, true, System.Globalization.CultureInfo.InvariantCulture)|}) File.Delete(full);
                """),
            PS0007(0, MissingIngredient.OrdinalComparison),
            PS0007(1, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison),
            PS0007(2, MissingIngredient.TrailingSeparator | MissingIngredient.OrdinalComparison))
        {
            // A three-argument culture comparison has no mechanical ordinal form: that ingredient stays reported.
            FixedState = { ExpectedDiagnostics = { PS0007(2, MissingIngredient.OrdinalComparison) } },
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public async Task Relative_paths_are_anchored_in_every_file_and_System_is_imported_once()
    {
        const string Source = """
            using System.IO;

            class C
            {
                void M(string name)
                {
                    var local = {|#9:"data"|};
                    File.WriteAllText({|#0:local|}, name);
                    File.WriteAllText({|#1:"out.txt"|}, name + File.ReadAllText({|#2:"in.txt"|}));
                }
            }
            """;
        const string Anchor = "Path.Combine(AppContext.BaseDirectory, ";
        const string Fixed = $$"""
            using System;
            using System.IO;

            class C
            {
                void M(string name)
                {
                    var local = {|#9:"data"|};
                    File.WriteAllText({|#0:local|}, name);
                    File.WriteAllText({{Anchor}}"out.txt"), name + File.ReadAllText({{Anchor}}"in.txt")));
                }
            }
            """;
        var test = new FixTest<RelativePathAnalyzer, RelativePathCodeFixProvider>(Source, Fixed).WithEditorConfig("pathsafety.scope = all");
        var second = Source.Replace("class C", "class D").Replace("#0:", "#3:").Replace("#1:", "#4:").Replace("#2:", "#5:").Replace("#9:", "#8:");
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.FixedState.Sources.Add(("/0/Test1.cs", Fixed.Replace("class C", "class D").Replace("#0:", "#3:").Replace("#9:", "#8:")));
        for (var file = 0; file < 2; file++)
        {
            test.ExpectedDiagnostics.AddRange(
            [
                RelativePathCodeFixProviderTests.PS0001((file * 3) + 0, "File.WriteAllText", "\"data\"").WithLocation(9 - file),
                RelativePathCodeFixProviderTests.PS0001((file * 3) + 1, "File.WriteAllText", "\"out.txt\""),
                RelativePathCodeFixProviderTests.PS0001((file * 3) + 2, "File.ReadAllText", "\"in.txt\""),
            ]);
            test.FixedState.ExpectedDiagnostics.Add(
                RelativePathCodeFixProviderTests.PS0001(file * 3, "File.WriteAllText", "\"data\"").WithLocation(9 - file));
        }

        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task Rooted_segments_written_in_place_are_trimmed_in_every_file()
    {
        const string Source = """
            using System.IO;

            class C
            {
                const string Rooted = "/etc";

                string M(string root)
                    => Path.Combine(root, {|#0:Rooted|}) + Path.Combine(root, {|#1:"/a.json"|}) + Path.Combine(root, "x", {|#2:@"\b"|});
            }
            """;
        const string Fixed = """
            using System.IO;

            class C
            {
                const string Rooted = "/etc";

                string M(string root)
                    => Path.Combine(root, {|#0:Rooted|}) + Path.Combine(root, "a.json") + Path.Combine(root, "x", @"b");
            }
            """;
        var test = new FixTest<RootedPathCombineSegmentAnalyzer, RootedPathCombineSegmentCodeFixProvider>(Source, Fixed);
        var second = Source.Replace("class C", "class D").Replace("#0:", "#3:").Replace("#1:", "#4:").Replace("#2:", "#5:");
        test.TestState.Sources.Add(("/0/Test1.cs", second));
        test.FixedState.Sources.Add(("/0/Test1.cs", Fixed.Replace("class C", "class D").Replace("#0:", "#3:")));
        for (var file = 0; file < 2; file++)
        {
            test.ExpectedDiagnostics.AddRange(
            [
                RootedPathCombineSegmentCodeFixProviderTests.PS0005((file * 3) + 0, "\"/etc\""),
                RootedPathCombineSegmentCodeFixProviderTests.PS0005((file * 3) + 1, "\"/a.json\""),
                RootedPathCombineSegmentCodeFixProviderTests.PS0005((file * 3) + 2, "\"\\b\""),
            ]);
            test.FixedState.ExpectedDiagnostics.Add(RootedPathCombineSegmentCodeFixProviderTests.PS0005(file * 3, "\"/etc\""));
        }

        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        await test.RunAsync();
    }
}
