namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// StartsWith on paths that is not a containment check: exclusions (skip bin/obj), scheme and prefix detection
/// (file://, ~/, UNC), hidden-file skips. PS0007 judges checks that act as a path guard; these guard nothing.
/// </summary>
public class PrefixChecksTests
{
    [Fact]
    public async Task Skipping_bin_and_obj_while_copying_is_an_exclusion_not_a_guard()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class SourcePackager
            {
                public static void Copy(string src, string dest)
                {
                    foreach (var f in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
                    {
                        var rel = Path.GetRelativePath(src, f);
                        if (rel.StartsWith("bin", StringComparison.Ordinal) || rel.StartsWith("obj", StringComparison.Ordinal)) continue;
                        var target = Path.Combine(dest, rel);
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        File.Copy(f, target, true);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Tilde_expansion_is_not_a_guard()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class TemplateLoader
            {
                private readonly string _root;
                public TemplateLoader(string root) => _root = root;

                public string Load(string path)
                {
                    if (path.StartsWith("~/", StringComparison.Ordinal))
                        path = Path.Combine(_root, path.Substring(2));
                    return File.ReadAllText(path);
                }
            }
            """);
    }

    [Fact]
    public async Task File_uri_and_unc_detection_is_not_a_guard()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public static class Sources
            {
                public static string Read(string location)
                {
                    if (location.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
                        return File.ReadAllText(new Uri(location).LocalPath);
                    if (location.StartsWith(@"\\", StringComparison.Ordinal))
                        return File.ReadAllText(location);
                    return "";
                }
            }
            """);
    }

    [Fact]
    public async Task Hidden_file_skip_is_not_a_guard()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class CacheCleaner
            {
                public static void Clear(string cacheDir)
                {
                    foreach (var info in new DirectoryInfo(cacheDir).EnumerateFiles("*.cache"))
                    {
                        if (info.Name.StartsWith(".")) continue;
                        info.Delete();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Excluding_a_folder_by_prefix_before_a_delete_is_not_a_guard()
    {
        // 'Skip what is under keep' proves nothing about the rest: the delete is unguarded (PS0002), the check itself
        // is not a containment check (no PS0007).
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class StagingCleanup
            {
                public static void Run(string[] candidates, string keep)
                {
                    foreach (var f in candidates)
                    {
                        if (Path.GetFullPath(f).StartsWith(keep, StringComparison.Ordinal)) continue;
                        {|PS0002:File.Delete(f)|};
                    }
                }
            }
            """);
    }
}
