namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Cache purges and backup rotation: size-bounded disk caches, thumbnail folders, database backup sets, Windows
/// services that clean on start. Known folder plus specific names is silent; configured roots deleted wholesale are not.
/// </summary>
public class CachePurgeTests
{
    [Fact]
    public async Task Size_bounded_cache_evicting_oldest_entries_by_pattern_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Linq;

            sealed class DiskCachePruner
            {
                private readonly string _root;
                private readonly long _maxBytes;
                public DiskCachePruner(string root, long maxBytes) { _root = root; _maxBytes = maxBytes; }

                public void Prune()
                {
                    var entries = new DirectoryInfo(_root).EnumerateFiles("*.bin", SearchOption.AllDirectories)
                        .OrderBy(f => f.LastAccessTimeUtc)
                        .ToList();
                    var total = entries.Sum(f => f.Length);
                    foreach (var entry in entries)
                    {
                        if (total <= _maxBytes) break;
                        total -= entry.Length;
                        entry.Delete();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Thumbnail_folder_cleared_by_constant_name_under_a_configured_root_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            sealed class MediaCacheCleaner
            {
                public void Clear(string mediaRoot)
                {
                    var thumbs = Path.Combine(mediaRoot, "thumbnails");
                    if (Directory.Exists(thumbs)) Directory.Delete(thumbs, recursive: true);
                    Directory.CreateDirectory(thumbs);
                }
            }
            """);
    }

    [Fact]
    public async Task Backup_rotation_keeping_the_newest_seven_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Linq;

            sealed class DatabaseBackupService
            {
                public void Rotate(string backupDir)
                {
                    var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
                    File.Copy(Path.Combine(backupDir, "current.db"), Path.Combine(backupDir, $"db-{DateTime.UtcNow:yyyyMMddHHmmss}.bak"));
                    foreach (var old in Directory.GetFiles(backupDir, "db-*.bak").OrderByDescending(f => f).Skip(7))
                        File.Delete(old);
                }
            }
            """);
    }

    [Fact]
    public async Task Windows_service_clearing_its_configured_work_folder_is_PS0003()
    {
        await AllRulesTest.VerifyAsync("""
            using System.Collections.Generic;
            using System.IO;

            namespace System.ServiceProcess { public class ServiceBase { protected virtual void OnStart(string[] args) { } } }

            sealed class IngestService : System.ServiceProcess.ServiceBase
            {
                private readonly IReadOnlyDictionary<string, string> _settings;
                public IngestService(IReadOnlyDictionary<string, string> settings) => _settings = settings;

                protected override void OnStart(string[] args)
                {
                    var work = _settings["WorkFolder"];
                    if (Directory.Exists(work)) {|PS0003:Directory.Delete(work, true)|};
                    Directory.CreateDirectory(work);
                }
            }
            """);
    }

    [Fact]
    public async Task Service_cleaning_relative_to_its_start_folder_is_PS0001()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            namespace System.ServiceProcess { public class ServiceBase { protected virtual void OnStart(string[] args) { } } }

            sealed class SpoolService : System.ServiceProcess.ServiceBase
            {
                protected override void OnStart(string[] args)
                {
                    foreach (var f in Directory.GetFiles({|PS0001:@"spool\out"|}, "*.tmp")) File.Delete(f);
                }
            }
            """);
    }

    [Fact]
    public async Task Recursive_delete_of_each_expired_session_folder_by_pattern_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            sealed class SessionExpirationJob
            {
                public void Run(string sessionsRoot, TimeSpan ttl)
                {
                    foreach (var dir in new DirectoryInfo(sessionsRoot).EnumerateDirectories("session-*"))
                    {
                        if (DateTime.UtcNow - dir.LastWriteTimeUtc > ttl)
                            dir.Delete(recursive: true);
                    }
                }
            }
            """);
    }
}
