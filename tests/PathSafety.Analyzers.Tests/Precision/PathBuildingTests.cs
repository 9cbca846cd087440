namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// How real code builds paths: anchors, current-directory forms, concatenation with separators, file names passed
/// where a path is expected, and hand-written checks in ordinary request handling.
/// </summary>
public class PathBuildingTests
{
    [Fact]
    public async Task Interpolated_rooted_segment_under_the_web_root_is_PS0005()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using Microsoft.AspNetCore.Hosting;

            public sealed class FaviconProvider
            {
                private readonly IWebHostEnvironment _env;
                public FaviconProvider(IWebHostEnvironment env) => _env = env;

                public string For(string team) => Path.Combine(_env.WebRootPath, {|PS0005:$"/favicons/{team}.ico"|});
                public string Safe(string team) => Path.Combine(_env.WebRootPath, "favicons", $"{team}.ico");
            }
            """);
    }

    [Fact]
    public async Task Separator_prefixed_segment_is_PS0005()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            public static class ReportPaths
            {
                public static string Of(string root, string name) => Path.Combine(root, {|PS0005:Path.DirectorySeparatorChar + name|});
                public static string Joined(string root, string name) => root + Path.DirectorySeparatorChar + name;
            }
            """);
    }

    [Fact]
    public async Task Work_folder_concatenated_onto_the_current_directory_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class WorkDirCleanup
            {
                public static void Reset()
                {
                    var workDir = Directory.GetCurrentDirectory() + Path.DirectorySeparatorChar + "workDir";
                    if (Directory.Exists({|PS0001:workDir|}))
                        Directory.Delete({|PS0001:workDir|}, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Dot_prefixed_export_folder_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class ExportCleanup
            {
                public static void Prepare()
                {
                    var dir = "." + Path.DirectorySeparatorChar + "exports";
                    if (!Directory.Exists({|PS0001:dir|})) Directory.CreateDirectory({|PS0001:dir|});
                }
            }
            """);
    }

    [Fact]
    public async Task Environment_variable_with_an_absolute_fallback_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class LogCleanup
            {
                public static void Run()
                {
                    var dir = Environment.GetEnvironmentVariable("LOG_DIR") ?? "/var/log/myapp";
                    foreach (var f in Directory.EnumerateFiles(dir, "*.log.gz")) File.Delete(f);
                }
            }
            """);
    }

    [Fact]
    public async Task Configured_folder_with_a_relative_fallback_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.Collections.Generic;
            using System.IO;

            static class CachePurge
            {
                public static void Run(IReadOnlyDictionary<string, string?> settings)
                {
                    var dir = settings.GetValueOrDefault("Cache:Dir") ?? "cache";
                    foreach (var f in Directory.EnumerateFiles({|PS0001:dir|}, "*.bin")) File.Delete(f);
                }
            }
            """);
    }

    [Fact]
    public async Task Parent_segments_after_an_anchor_are_not_relative()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class DeploymentTool
            {
                public static string ReadManifest()
                    => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "manifest.json"));
                public static string[] Siblings()
                    => Directory.GetDirectories(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..")));
            }
            """);
    }

    [Fact]
    public async Task Static_file_handler_with_a_prefix_check_missing_the_separator_is_PS0007()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class StaticFiles
            {
                private readonly string _root;
                public StaticFiles(string root) => _root = Path.GetFullPath(root);

                public byte[]? Read(string relative)
                {
                    var full = Path.GetFullPath(Path.Combine(_root, relative));
                    if (!{|PS0007:full.StartsWith(_root, StringComparison.Ordinal)|}) return null;
                    return File.ReadAllBytes(full);
                }
            }
            """);
    }

    [Fact]
    public async Task Static_file_handler_with_a_separator_terminated_root_field_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class StaticFiles
            {
                private readonly string _root;
                public StaticFiles(string root) => _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

                public byte[]? Read(string relative)
                {
                    var full = Path.GetFullPath(Path.Combine(_root, relative));
                    if (!full.StartsWith(_root, StringComparison.Ordinal)) return null;
                    return File.ReadAllBytes(full);
                }
            }
            """);
    }

    [Fact]
    public async Task GetRelativePath_check_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class AttachmentCleanup
            {
                public static void Remove(string root, string candidate)
                {
                    var full = Path.GetFullPath(candidate);
                    var relative = Path.GetRelativePath(root, full);
                    if (relative == ".."
                        || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        || Path.IsPathRooted(relative))
                        throw new InvalidOperationException(full);
                    File.Delete(full);
                }
            }
            """);
    }

    [Fact]
    public async Task Contains_dot_dot_filter_as_the_only_check_is_PS0007()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class AttachmentCleanup
            {
                public static void Remove(string root, string name)
                {
                    if ({|PS0007:name.Contains("..")|}) throw new ArgumentException("bad name", nameof(name));
                    {|PS0002:File.Delete(Path.Combine(root, name))|};
                }
            }
            """);
    }
}
