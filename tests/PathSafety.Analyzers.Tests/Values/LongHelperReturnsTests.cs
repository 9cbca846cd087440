using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Values;

/// <summary>
/// Helpers longer than the read limit are read when every return names one local: only that local's writes are bound
/// (docs/guards.md, "Paths kept in members and built by helpers").
/// </summary>
public class LongHelperReturnsTests
{
    // Keeps the code the same but makes the helper longer than SourceModels.MaxReadMemberLength.
    private static readonly string Padding = string.Concat(Enumerable.Repeat("        // padding line of a long helper, forty chars\n", 60));

    private static Task VerifyHelpers(string helpers, string body, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => new RuleTest<UnsafeDeleteAnalyzer>(
            $$"""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            sealed class Packager
            {
                private string target = "";

                public void Use(string value) => target = value;

            {{helpers}}

                public async Task Run(string name)
                {
            {{body}}
                }
            }
            """,
            expected).WithEditorConfig("pathsafety.scope = all").RunAsync();

    [Fact]
    public async Task A_long_helper_returning_the_temp_file_it_made_is_contained()
    {
        await VerifyHelpers(
            $$"""
                private async Task<string> MakeZip(string folder)
                {
                    var target = Path.GetTempFileName();
                    File.Delete(target);
                    await Task.Yield();
            {{Padding}}
                    if (folder.Length == 0)
                    {
                        return target;
                    }

                    target = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".zip");
                    return target;
                }
            """,
            """
                    var zip = MakeZip(name).Result;
                    File.Delete(zip);
                    File.Delete(await MakeZip(name));
            """);
    }

    [Fact]
    public async Task A_long_helper_whose_returned_local_may_hold_anything_else_is_reported()
    {
        // A write of a parameter, an 'out' write, a compound assignment, a name declared twice, two locals returned,
        // and a return outside the local's block (there 'target' is the field).
        await VerifyHelpers(
            $$"""
                private string Assigned(string folder)
                {
                    var target = Path.GetTempFileName();
            {{Padding}}
                    if (folder.Length > 0) target = folder;
                    return target;
                }

                private string OutWritten(string folder)
                {
                    var target = Path.GetTempFileName();
            {{Padding}}
                    Parse(folder, out target);
                    return target;
                }

                private string Appended(string folder)
                {
                    var target = Path.GetTempFileName();
            {{Padding}}
                    target += folder;
                    return target;
                }

                private string Twice(string folder)
                {
                    if (folder.Length > 0)
                    {
                        var target = Path.GetTempFileName();
                        File.Delete(target);
                    }
            {{Padding}}
                    foreach (var target in Directory.GetFiles(folder))
                    {
                        return target;
                    }

                    return "";
                }

                private string TwoLocals(string folder)
                {
                    var first = Path.GetTempFileName();
                    var second = folder;
            {{Padding}}
                    return folder.Length > 0 ? first : second;
                }

                private string OutOfScope(string folder)
                {
                    {
                        var target = Path.GetTempFileName();
                        File.Delete(target);
                    }
            {{Padding}}
                    return target;
                }

                private static void Parse(string text, out string value) => value = text;
            """,
            """
                    {|#0:File.Delete(Assigned(name))|};
                    {|#1:File.Delete(OutWritten(name))|};
                    {|#2:File.Delete(Appended(name))|};
                    {|#3:File.Delete(Twice(name))|};
                    {|#4:File.Delete(TwoLocals(name))|};
                    {|#5:File.Delete(OutOfScope(name))|};
                    await Task.Yield();
            """,
            PS0002(0, "File.Delete", "Assigned(name)"),
            PS0002(1, "File.Delete", "OutWritten(name)"),
            PS0002(2, "File.Delete", "Appended(name)"),
            PS0002(3, "File.Delete", "Twice(name)"),
            PS0002(4, "File.Delete", "TwoLocals(name)"),
            PS0002(5, "File.Delete", "OutOfScope(name)"));
    }
}
