using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Rules.RelativePaths;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Rules.RelativePaths;

/// <summary>
/// PS0001 on the variable of a 'foreach' loop whose every element is relative (docs/rules/PS0001.md): a written-out
/// array, LINQ that keeps or picks elements, an iterator of the compilation.
/// </summary>
public class RelativeLoopVariablesTests
{
    private const string Members = """
            static IEnumerable<string> Files()
            {
                yield return {|#11:"a.log"|};
                yield return Path.Combine("config", "b.log");
            }

            static IEnumerable<(string Path, int Kind)> Entries
            {
                get
                {
                    foreach (var kind in new[] { 1, 2 })
                    {
                        var path = Path.Combine({|#12:"config"|}, kind + ".json");
                        yield return (path, kind);
                    }
                }
            }

            static IEnumerable<string> Mixed(string root)
            {
                yield return "a.log";
                yield return root;
            }

            static List<string> Listed() => new List<string> { "a.log" };
        """;

    private static string Wrap(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;

        class Cleanup
        {
            void Run(string root, string name)
            {
        {{body}}
            }

        {{Members}}
        }
        """;

    private static DiagnosticResult PS0001(int markup, string api, string value)
        => new DiagnosticResult(DiagnosticDescriptors.RelativePath).WithLocation(markup).WithArguments(api, value, string.Empty);

    [Fact]
    public async Task A_loop_over_relative_elements_is_reported_at_the_use()
    {
        await new RuleTest<RelativePathAnalyzer>(
            Wrap(
                """
                        foreach (var dir in new[] { {|#10:"logs"|}, "cache" }) Directory.CreateDirectory({|#0:dir|});
                        foreach (var file in Files().Where(File.Exists).ToList()) File.Delete({|#1:file|});
                        foreach (var file in Entries.Select(static e => e.Path).Where(File.Exists)) File.Delete({|#2:file|});
                        foreach (var file in Files().Except(new[] { name }).OfType<string>().TakeLast(2)) File.Delete({|#3:file|});
                """),
            PS0001(0, "Directory.CreateDirectory", "\"logs\"").WithLocation(10),
            PS0001(1, "File.Delete", "\"a.log\"").WithLocation(11),
            PS0001(2, "File.Delete", "\"config\"").WithLocation(12),
            PS0001(3, "File.Delete", "\"a.log\"").WithLocation(11))
            .WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task Loops_whose_elements_are_not_all_relative_or_not_known_are_not_reported()
    {
        await new RuleTest<RelativePathAnalyzer>(
            Wrap(
                """
                        foreach (var dir in new[] { "logs", "/var/log/app" }) Directory.CreateDirectory(dir);
                        foreach (var file in Mixed(root)) File.Delete(file);
                        foreach (var file in Entries.Select(e => e.Path + name)) File.Delete(file);
                        foreach (var (path, kind) in Entries) File.Delete(path);
                        foreach (var file in Listed()) File.Delete(file);
                        foreach (var file in Files().Concat(new[] { root })) File.Delete(file);
                        foreach (var file in Files().Union(new[] { root })) File.Delete(file);
                """))
            .WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task A_delete_of_relative_elements_is_PS0001_not_PS0002()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                        foreach (var file in Entries.Select(static e => e.Path).Where(File.Exists)) File.Delete(file);
                        foreach (var file in Mixed(root)) {|#0:File.Delete(file)|};
                """),
            new DiagnosticResult(DiagnosticDescriptors.UnguardedDelete).WithLocation(0).WithArguments("File.Delete", "'file'"))
            .WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
