using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

/// <summary>Deletes in every kind of code block: each gets its own analysis and none makes the analyzer throw.</summary>
public class UnguardedDeleteShapesTests
{
    [Fact]
    public async Task Deletes_in_initializers_constructors_properties_and_switch_expressions()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class C
            {
                private static string _path = "";
                private readonly Action _field = () => {|#0:File.Delete(_path)|};

                C(string path) : this() => {|#1:File.Delete(path)|};

                C()
                {
                }

                string Property
                {
                    set => {|#2:Directory.Delete(value, true)|};
                }

                int Pick(int kind, string path) => kind switch
                {
                    0 => Run(() => {|#3:File.Delete(path)|}),
                    _ => Run(() => File.Delete(PathSafety.PathGuard.EnsureWithin("/srv/app", path))),
                };

                static int Run(Action action) => 0;

                async Task Async(string root, System.Collections.Generic.IAsyncEnumerable<string> paths)
                {
                    await foreach (var path in paths)
                    {
                        var full = Path.GetFullPath(path);
                        if (!full.StartsWith(root, StringComparison.Ordinal)) continue;
                        await Task.Yield();
                        File.Delete(full);
                    }

                    using var stream = File.OpenRead(root);
                    Func<string, Action> nested = p =>
                    {
                        return () => Local();

                        void Local() => {|#4:File.Delete(p)|};
                    };
                }
            }

            namespace PathSafety
            {
                static class PathGuard
                {
                    public static string EnsureWithin(string root, string path) => path;
                }
            }
            """,
            PS0002(0, "File.Delete", "_path"),
            PS0002(1, "File.Delete", "path"),
            PS0003(2, "Directory.Delete", "value"),
            PS0002(3, "File.Delete", "path"),
            PS0002(4, "File.Delete", "p")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }

    [Fact]
    public async Task Top_level_statements_are_analysed()
    {
        var test = new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;

            var full = Path.GetFullPath(args[0]);
            if (!full.StartsWith("/srv/app/", StringComparison.Ordinal)) return;
            File.Delete(full);
            {|#0:Directory.Delete(args[1], true)|};
            """,
            PS0003(0, "Directory.Delete", "args[1]")).WithEditorConfig("pathsafety.scope = all");
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }
}
