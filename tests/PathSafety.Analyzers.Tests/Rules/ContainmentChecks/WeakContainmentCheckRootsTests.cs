using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.ContainmentChecks.WeakContainmentCheckAnalyzerTests;

namespace PathSafety.Analyzers.Tests.Rules.ContainmentChecks;

/// <summary>
/// PS0007 (a): roots made to end with a separator by 'Path.EndsInDirectorySeparator', by 'Path.GetFullPath' of such a
/// value, or by a string helper of the compilation; and bool helpers whose every caller only picks a string edit.
/// </summary>
public class WeakContainmentCheckRootsTests
{
    private static Task VerifyType(string members, params DiagnosticResult[] expected)
        => new RuleTest<WeakContainmentCheckAnalyzer>(
            $$"""
            using System;
            using System.IO;
            using System.Linq;

            class Settings
            {
                public string ToolPath { get; set; } = "";
            }

            class C
            {
                static readonly string OldDataPath = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
                static readonly string NewDataPath = AppContext.BaseDirectory;

            {{members}}
            }
            """,
            expected).RunAsync();

    private static Task VerifyRoot(string prefix, params DiagnosticResult[] expected)
        => VerifyType(
            $$"""
                void M(string root, string path)
                {
                    var full = Path.GetFullPath(path);
                    if (!{|#0:full.StartsWith({{prefix}}, StringComparison.Ordinal)|}) return;
                    File.Delete(full);
                }

                static string WithSlash(string p) => p.EndsWith('/') ? p : p + '/';

                static string FullRoot(string dir)
                {
                    var trimmed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
                    return trimmed + Path.DirectorySeparatorChar;
                }

                static string Appended(string dir)
                {
                    if (!dir.EndsWith("/", StringComparison.Ordinal)) dir += "/";
                    return dir;
                }

                static string Trimmed(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

                static string MostlySlashed(string dir)
                {
                    if (dir.Length == 0) return dir;
                    return dir + Path.DirectorySeparatorChar;
                }

                static string Suffixed(string dir) => dir.EndsWith("x") ? dir : dir + '/';
            """,
            expected);

    [Theory]
    [InlineData("Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar")]
    [InlineData("!Path.EndsInDirectorySeparator(root) ? root + '/' : root")]
    [InlineData("Path.GetFullPath(root + Path.DirectorySeparatorChar)")]
    [InlineData("Path.GetFullPath(root.EndsWith('/') ? root : root + '/')")]
    [InlineData("WithSlash(root)")]
    [InlineData("FullRoot(root)")]
    [InlineData("Appended(root)")]
    [InlineData("Path.GetFullPath(WithSlash(root))")]
    public async Task Roots_made_to_end_with_a_separator(string prefix)
    {
        await VerifyRoot(prefix);
    }

    [Theory]
    [InlineData("Path.EndsInDirectorySeparator(root) ? root + '/' : root")]
    [InlineData("root.EndsWith(\"x\") ? root : root + '/'")]
    [InlineData("Path.GetFullPath(root + \"x\")")]
    [InlineData("Trimmed(root)")]
    [InlineData("MostlySlashed(root)")]
    [InlineData("Suffixed(root)")]
    public async Task Roots_not_made_to_end_with_a_separator_are_a(string prefix)
    {
        await VerifyRoot(prefix, PS0007(0, MissingIngredient.TrailingSeparator));
    }

    [Fact]
    public async Task Extraction_guard_with_a_trimmed_full_root_and_a_separator_is_sound()
    {
        await VerifyType(
            """
                static string Target(string destination, string entryName)
                {
                    var rootDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
                    var prefix = Path.EndsInDirectorySeparator(rootDir) ? rootDir : rootDir + Path.DirectorySeparatorChar;
                    var target = Path.GetFullPath(Path.Combine(prefix, entryName));
                    if (!target.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidDataException(entryName);
                    return target;
                }

                static string Loose(string destination, string entryName)
                {
                    var rootDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
                    var target = Path.GetFullPath(Path.Combine(rootDir, entryName));
                    if (!{|#0:target.StartsWith(rootDir, StringComparison.Ordinal)|}) throw new InvalidDataException(entryName);
                    return target;
                }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator));
    }

    [Fact]
    public async Task Private_bool_helper_whose_callers_only_pick_a_string_edit_is_not_judged()
    {
        await VerifyType(
            """
                static bool IsUnderOldData(string filePath) => filePath.StartsWith(OldDataPath);

                static void Migrate(Settings settings, string defaultPath)
                {
                    if (IsUnderOldData(settings.ToolPath))
                    {
                        settings.ToolPath = settings.ToolPath.Replace(OldDataPath, NewDataPath);
                    }

                    var shown = IsUnderOldData(defaultPath) ? "old" : "new";
                    Console.WriteLine(shown + defaultPath);
                }
            """);
    }

    [Fact]
    public async Task Private_bool_helper_is_judged_when_a_caller_guards_a_path_with_it()
    {
        await VerifyType(
            """
                static bool IsUnderOldData(string filePath) => {|#0:filePath.StartsWith(OldDataPath)|};

                static bool IsUnderNewData(string filePath) => {|#1:filePath.StartsWith(NewDataPath, StringComparison.Ordinal)|};

                static bool IsUnderEither(string filePath) => {|#2:filePath.StartsWith(NewDataPath, StringComparison.Ordinal)|};

                static bool InGrouped(string filePath) => {|#3:filePath.StartsWith(NewDataPath, StringComparison.Ordinal)|};

                public static bool IsPublic(string filePath) => {|#4:filePath.StartsWith(NewDataPath, StringComparison.Ordinal)|};

                static void Migrate(Settings settings, string path, string[] files)
                {
                    if (IsUnderOldData(settings.ToolPath)) settings.ToolPath = settings.ToolPath.Replace(OldDataPath, NewDataPath);
                    if (IsUnderOldData(path)) File.Delete(path);
                    if (IsPublic(settings.ToolPath)) settings.ToolPath = "";
                    foreach (var f in files.Where(InGrouped)) Console.WriteLine(f);
                }

                static string? Kept(string candidate)
                {
                    if (!IsUnderNewData(candidate)) return null;
                    return candidate;
                }

                static bool Either(string candidate) => IsUnderEither(candidate) || candidate.Length == 0;
            """,
            PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison),
            PS0007(1, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization),
            PS0007(2, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization),
            PS0007(3, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization),
            PS0007(4, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization));
    }
}
