using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>A get-only property that computes a path contained by construction is followed like the expression itself.</summary>
public class MemberProvenanceTests
{
    [Fact]
    public async Task A_get_only_property_computing_a_constant_name_under_a_root_is_contained()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            """
            using System;
            using System.IO;

            sealed class LogCleaner
            {
                private readonly string _root;
                public string UserPath = "";
                public LogCleaner(string root) => _root = root;
                private string LogFile => Path.Combine(_root, "app.log");
                private string CacheDir { get { return Path.Combine(_root, "cache", "thumbs"); } }
                private string Archive { get => Path.Combine(Path.GetTempPath(), "archive.zip"); }
                private string Named => Path.Combine(_root, UserPath);
                private string Passed => UserPath;
                private string Twice { get { var p = UserPath; return Path.Combine(_root, p); } }
                private string Settable { get => Path.Combine(_root, "x.log"); set { } }
                public void Run()
                {
                    File.Delete(LogFile);
                    Directory.Delete(CacheDir, true);
                    File.Delete(Archive);
                    {|#0:File.Delete(Named)|};
                    {|#1:File.Delete(Passed)|};
                    {|#2:File.Delete(Twice)|};
                    {|#3:File.Delete(Settable)|};
                }
            }
            """,
            PS0002(0, "File.Delete", "Named"),
            PS0002(1, "File.Delete", "Passed"),
            PS0002(2, "File.Delete", "Twice"),
            PS0002(3, "File.Delete", "Settable")).WithEditorConfig("pathsafety.scope = all").RunAsync();
    }
}
