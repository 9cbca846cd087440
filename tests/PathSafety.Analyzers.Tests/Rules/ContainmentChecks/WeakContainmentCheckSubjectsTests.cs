using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.ContainmentChecks.WeakContainmentCheckAnalyzerTests;

namespace PathSafety.Analyzers.Tests.Rules.ContainmentChecks;

/// <summary>Which prefix checks PS0007 judges beyond a checked local that the method hands to a file API, and what it reads at the check.</summary>
public class WeakContainmentCheckSubjectsTests
{
    private const MissingIngredient ABC = MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison;

    private static Task VerifyType(string members, params DiagnosticResult[] expected)
        => new RuleTest<WeakContainmentCheckAnalyzer>(
            $$"""
            using System;
            using System.IO;

            class Link
            {
                public string Target { get; set; } = "";
                public string File { get; set; } = "";
                public string Title { get; set; } = "";
            }

            static class Files
            {
                public static void DeleteFile(string path) { }
            }

            class C
            {
                static readonly string TempPath = Path.GetTempPath().TrimEnd('/');
                readonly string _appDirectory = "";
                readonly DirectoryInfo _root = new DirectoryInfo("/srv/app");

            {{members}}
            }
            """,
            expected).RunAsync();

    [Fact]
    public async Task Check_behind_a_conditional_access_is_judged()
    {
        await VerifyType(
            """
                void M(string? local, string? other)
                {
                    if (local?{|#0:.StartsWith(TempPath)|} == true) File.Move(local, "/srv/app/x");
                    if (other?.StartsWith(TempPath) == true) Console.WriteLine(other);
                }
            """,
            PS0007(0, ABC));
    }

    [Fact]
    public async Task Method_named_like_a_delete_is_a_file_use_of_a_path()
    {
        await VerifyType(
            """
                void M(string local, string other, string user, string prefix, Link link)
                {
                    if ({|#0:local.StartsWith(TempPath)|}) Files.DeleteFile(local);
                    if (other.StartsWith(TempPath)) Console.WriteLine(other);
                    if (!{|#1:link.Target.StartsWith(_appDirectory, StringComparison.Ordinal)|}) return;
                    DeleteHarder(link.File);
                }

                void Users(string user, string prefix)
                {
                    // Named like a delete, but nothing says the text is a path.
                    if (user.StartsWith(prefix, StringComparison.Ordinal)) DeleteUser(user);
                }

                static void DeleteHarder(string path) { }

                static void DeleteUser(string name) { }
            """,
            PS0007(0, ABC),
            PS0007(1, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization));
    }

    [Fact]
    public async Task Member_of_a_used_object_is_judged_when_a_side_is_a_path()
    {
        // The link's target decides whether the link's own file is deleted.
        await VerifyType(
            """
                void M(Link[] links)
                {
                    foreach (var link in links)
                    {
                        if (!{|#0:link.Target.StartsWith(_appDirectory, StringComparison.OrdinalIgnoreCase)|}) continue;
                        File.Delete(link.File);
                    }
                }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization));
    }

    [Fact]
    public async Task Member_text_against_text_is_not_judged()
    {
        // A title prefix is not containment; a name of a FileSystemInfo is not a path.
        await VerifyType(
            """
                void M(Link link, FileInfo file, string prefix)
                {
                    if (link.Title.StartsWith(prefix, StringComparison.Ordinal)) File.Delete(link.File);
                    if (file.Name.StartsWith(prefix, StringComparison.Ordinal)) file.Delete();
                }
            """);
    }

    [Fact]
    public async Task Checked_path_the_method_returns_is_judged()
    {
        await VerifyType(
            """
                string? Resolve(string name)
                {
                    var fullPath = Path.GetFullPath(Path.Combine(_appDirectory, name));
                    if (!{|#0:fullPath.StartsWith(_appDirectory)|}) return null;
                    return fullPath;
                }

                FileInfo Open(string name)
                {
                    var file = new FileInfo(Path.Combine(_root.FullName, name));
                    if (!{|#1:file.FullName.StartsWith(_root.FullName, StringComparison.OrdinalIgnoreCase)|}) throw new FileNotFoundException(name);
                    return file;
                }

                string? Sound(string name)
                {
                    var fullPath = Path.GetFullPath(Path.Combine(_appDirectory, name));
                    if (!fullPath.StartsWith(_appDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
                    return fullPath;
                }

                string RelativePrefix(string entryPath)
                {
                    // A folder name inside an archive entry: a relative prefix, not containment.
                    if (!entryPath.StartsWith("content" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return "";
                    return entryPath;
                }

                string? NotAPath(string url, string site)
                {
                    if (!url.StartsWith(site, StringComparison.Ordinal)) return null;
                    return url;
                }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.OrdinalComparison),
            PS0007(1, MissingIngredient.TrailingSeparator));
    }

    [Fact]
    public async Task Bool_helper_returning_a_prefix_check_is_judged()
    {
        await VerifyType(
            """
                static bool IsSubfolder(string basePath, string path)
                {
                    basePath = basePath.TrimEnd(Path.DirectorySeparatorChar);
                    return {|#0:path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase)|};
                }

                static bool IsInside(string root, string path) => {|#1:Path.GetFullPath(path).StartsWith(root)|};

                static bool IsSound(string root, string path)
                    => Path.GetFullPath(path).StartsWith(
                        Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

                static bool HasPrefix(string text, string prefix) => text.StartsWith(prefix, StringComparison.Ordinal);

                static bool AnyInside(string[] files, string rootDir)
                    => Array.Exists(files, f => Path.GetFullPath(f).StartsWith(rootDir, StringComparison.Ordinal));

                bool Local(string dir)
                {
                    return Check(dir);

                    bool Check(string filePath) => {|#2:filePath.StartsWith(dir, StringComparison.Ordinal)|};
                }
            """,
            PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization),
            PS0007(1, MissingIngredient.TrailingSeparator | MissingIngredient.OrdinalComparison),
            PS0007(2, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization));
    }

    [Fact]
    public async Task Normalization_is_judged_by_the_values_that_reach_the_check()
    {
        await new RuleTest<WeakContainmentCheckAnalyzer>(Wrap(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(Root, StringComparison.Ordinal)) return;
            full = Path.Combine(full, name);
            File.Delete(full);

            var looped = Path.GetFullPath(path);
            while (flag)
            {
                if (!{|#0:looped.StartsWith(Root, StringComparison.Ordinal)|}) return;
                File.Delete(looped);
                looped = looped + "/../" + name;
            }

            var either = flag ? Path.GetFullPath(path) : name;
            if ({|#1:either.StartsWith(Root, StringComparison.Ordinal)|}) File.Delete(either);
            """),
            PS0007(0, MissingIngredient.Normalization),
            PS0007(1, MissingIngredient.Normalization)).RunAsync();
    }
}
