namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Log rotation and retention in the styles of file sinks and appenders: keep the newest N files matching the log
/// name, delete older ones. Narrow patterns are safe; the broad age-only loop is the outage.
/// </summary>
public class LogRetentionTests
{
    [Fact]
    public async Task Keep_newest_ten_of_a_specific_pattern_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Linq;

            static class LogRetention
            {
                public static void Apply(string logDir)
                {
                    foreach (var f in new DirectoryInfo(logDir).GetFiles("*.log").OrderByDescending(f => f.LastWriteTime).Skip(10))
                        f.Delete();
                }
            }
            """);
    }

    [Fact]
    public async Task Interpolated_pattern_built_from_the_log_file_name_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Linq;

            sealed class RollingFileRetention
            {
                private readonly string _path;
                private readonly int _retained;

                public RollingFileRetention(string path, int retained) { _path = path; _retained = retained; }

                public void Apply()
                {
                    var directory = Path.GetDirectoryName(Path.GetFullPath(_path))!;
                    var old = Directory.GetFiles(directory, $"{Path.GetFileNameWithoutExtension(_path)}*.log")
                        .Select(p => new FileInfo(p))
                        .OrderByDescending(i => i.CreationTimeUtc)
                        .Skip(_retained);
                    foreach (var info in old)
                    {
                        try { info.Delete(); }
                        catch (IOException) { }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Interpolated_pattern_with_a_free_text_prefix_is_PS0002()
    {
        // On .NET a search pattern may carry a folder part: Directory.GetFiles(logs, "../*.log") yields the
        // parent's files. A prefix nobody checked can therefore leave the folder.
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            sealed class PrefixRetention
            {
                private readonly string _prefix;
                public PrefixRetention(string prefix) => _prefix = prefix;

                public void Apply(string directory)
                {
                    foreach (var f in Directory.GetFiles(directory, $"{_prefix}*.log"))
                        {|PS0002:File.Delete(f)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Pattern_from_a_parameter_is_not_PS0004_but_can_leave_the_folder_so_is_PS0002()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class LogPurger
            {
                public static void Purge(string dir, string pattern, TimeSpan maxAge)
                {
                    foreach (var f in Directory.GetFiles(dir, pattern))
                        if (DateTime.UtcNow - File.GetLastWriteTimeUtc(f) > maxAge)
                            {|PS0002:File.Delete(f)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Age_only_loop_over_everything_in_the_log_folder_is_PS0004()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class LogCleanup
            {
                public static void Run(string logDir, int days)
                {
                    var cutoff = DateTime.UtcNow.AddDays(-days);
                    foreach (var f in Directory.GetFiles(logDir, "*.*", SearchOption.AllDirectories))
                    {
                        if (File.GetLastWriteTimeUtc(f) < cutoff)
                            {|PS0004:File.Delete(f)|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Relative_log_folder_is_PS0001_but_its_narrow_delete_is_not_reported()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class LogRotation
            {
                private const string LogDir = "logs";

                public static void Rotate()
                {
                    foreach (var f in Directory.GetFiles({|PS0001:LogDir|}, "*.log"))
                        File.Delete(f);
                }
            }
            """);
    }

    [Fact]
    public async Task Log_folder_under_the_application_folder_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Linq;

            static class LogHousekeeping
            {
                public static void Run()
                {
                    var dir = Path.Combine(AppContext.BaseDirectory, "logs");
                    if (!Directory.Exists(dir)) return;
                    var stale = Directory.EnumerateFiles(dir, "app-*.txt")
                        .Where(f => File.GetCreationTimeUtc(f) < DateTime.UtcNow.AddDays(-31))
                        .ToList();
                    stale.ForEach(File.Delete);
                }
            }
            """);
    }

    [Fact]
    public async Task Archive_cleanup_of_zip_files_ordered_by_name_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Linq;

            sealed class ArchiveCleaner
            {
                public void Run(string archiveDir, int maxArchives)
                {
                    var archives = Directory.EnumerateFiles(archiveDir, "*.zip").OrderBy(Path.GetFileName).ToArray();
                    foreach (var archive in archives.Take(archives.Length - maxArchives))
                    {
                        File.Delete(archive);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Json_files_in_the_application_folder_is_PS0006()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class LogCleanup
            {
                public static void Run()
                {
                    foreach (var f in Directory.GetFiles(AppContext.BaseDirectory, "*.json"))
                        {|PS0006:File.Delete(f)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Sorted_array_of_a_specific_pattern_deleted_by_index_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class LogRetention
            {
                public static void Keep(int count, string path)
                {
                    var files = new DirectoryInfo(path).GetFiles("*.log", SearchOption.TopDirectoryOnly);
                    if (files.Length <= count) return;
                    Array.Sort(files, (a, b) => b.CreationTimeUtc.CompareTo(a.CreationTimeUtc));
                    for (var i = count; i < files.Length; i++)
                    {
                        files[i].Delete();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Broad_loop_with_a_name_prefix_filter_is_silent_and_the_name_test_is_not_a_containment_check()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class LogCleanup
            {
                public static void Run(string logDir, string prefix)
                {
                    foreach (var f in Directory.EnumerateFiles(logDir))
                    {
                        if (!Path.GetFileName(f).StartsWith(prefix)) continue;
                        File.Delete(f);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Extension_set_filter_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            static class LogSweeper
            {
                private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".log", ".txt", ".gz" };

                public static void Sweep(string logDir, DateTime cutoff)
                {
                    foreach (var info in new DirectoryInfo(logDir).EnumerateFiles())
                    {
                        if (!Extensions.Contains(info.Extension) || info.LastWriteTimeUtc >= cutoff) continue;
                        info.Delete();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Numbered_rotation_renaming_to_a_bare_file_name_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class LogRotator
            {
                public static void Roll(string current)
                {
                    var rolled = Path.GetFileName(current) + ".1";
                    if (File.Exists({|PS0001:rolled|})) File.Delete({|PS0001:rolled|});
                    File.Move(current, {|PS0001:rolled|});
                }
            }
            """);
    }

    [Fact]
    public async Task Numbered_rotation_next_to_the_current_log_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class LogRotator
            {
                public static void Roll(string current)
                {
                    var rolled = Path.Combine(Path.GetDirectoryName(current)!, Path.GetFileName(current) + ".1");
                    if (File.Exists(rolled)) File.Delete(rolled);
                    File.Move(current, rolled);
                }
            }
            """);
    }
}
