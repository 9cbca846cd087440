namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Background services and scheduled jobs that purge uploads, caches and exports. Maintenance code by kind: the
/// broad "delete everything older than an hour" loop is reported; narrow and guarded ones are not.
/// </summary>
public class HostedServiceCleanupTests
{
    [Fact]
    public async Task Age_only_purge_of_an_uploads_folder_is_PS0004()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            sealed class FileExpiryService : BackgroundService
            {
                private readonly IWebHostEnvironment _env;
                public FileExpiryService(IWebHostEnvironment env) => _env = env;

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var uploads = Path.Combine(_env.ContentRootPath, "uploads");
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        foreach (var file in Directory.GetFiles(uploads))
                        {
                            var info = new FileInfo(file);
                            if (info.CreationTimeUtc < DateTime.UtcNow.AddHours(-1))
                                {|PS0004:info.Delete()|};
                        }

                        await Task.Delay(TimeSpan.FromMinutes(10), stoppingToken);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Narrow_purge_of_partial_uploads_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            sealed class PartialUploadSweeper : BackgroundService
            {
                private readonly string _uploads;
                public PartialUploadSweeper(IWebHostEnvironment env) => _uploads = Path.Combine(env.WebRootPath, "uploads");

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        foreach (var part in Directory.EnumerateFiles(_uploads, "*.part"))
                        {
                            if (File.GetLastWriteTimeUtc(part) < DateTime.UtcNow.AddDays(-1))
                                File.Delete(part);
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Folder_built_from_the_current_directory_is_PS0001_at_each_use()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            sealed class AudioCleanupService : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var dir = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "test-audio");
                    if (!Directory.Exists({|PS0001:dir|})) return Task.CompletedTask;
                    foreach (var f in Directory.GetFiles({|PS0001:dir|}, "*.wav"))
                        File.Delete(f);
                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public async Task Pid_file_removed_on_stop_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            sealed class PidFileService : IHostedService
            {
                private static readonly string PidFile = Path.Combine(AppContext.BaseDirectory, "app.pid");

                public Task StartAsync(CancellationToken token)
                {
                    File.WriteAllText(PidFile, Environment.ProcessId.ToString());
                    return Task.CompletedTask;
                }

                public Task StopAsync(CancellationToken token)
                {
                    File.Delete(Path.Combine(AppContext.BaseDirectory, "app.pid"));
                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public async Task Configured_cache_folder_cleared_subfolder_by_subfolder_is_PS0004()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            sealed class CacheOptions { public string Directory { get; set; } = ""; public TimeSpan MaxAge { get; set; } }

            sealed class DiskCacheEviction : BackgroundService
            {
                private readonly CacheOptions _options;
                public DiskCacheEviction(CacheOptions options) => _options = options;

                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    foreach (var entry in new DirectoryInfo(_options.Directory).GetDirectories())
                    {
                        if (DateTime.UtcNow - entry.LastAccessTimeUtc > _options.MaxAge)
                            {|PS0004:entry.Delete(true)|};
                    }

                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public async Task Sound_hand_written_guard_in_a_job_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            sealed class ExportRetentionJob
            {
                private readonly string _root;
                public ExportRetentionJob(string root) => _root = Path.GetFullPath(root);

                public void Delete(string relative)
                {
                    var full = Path.GetFullPath(Path.Combine(_root, relative));
                    if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        throw new InvalidOperationException($"Refusing to delete {full}");
                    File.Delete(full);
                }
            }
            """);
    }

    [Fact]
    public async Task Culture_sensitive_guard_in_a_job_is_PS0007_only()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            sealed class ExportRetentionJob
            {
                public void Delete(string root, string relative)
                {
                    var full = Path.GetFullPath(Path.Combine(root, relative));
                    if ({|PS0007:full.StartsWith(root + Path.DirectorySeparatorChar)|})
                        File.Delete(full);
                }
            }
            """);
    }

    [Fact]
    public async Task PathGuard_inside_a_lambda_of_a_job_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Threading.Tasks;
            using PathSafety;

            sealed class ThumbnailPurgeJob
            {
                public Task RunAsync(string root, string[] names)
                    => Task.WhenAll(System.Linq.Enumerable.Select(
                        names, n => Task.Run(() => File.Delete(PathGuard.EnsureWithin(root, Path.Combine(root, n))))));
            }
            """);
    }

    [Fact]
    public async Task Application_stopping_callback_in_a_host_program_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using Microsoft.Extensions.Hosting;

            sealed class LockFileCleanup
            {
                public static void Register(IHostApplicationLifetime lifetime, IHostEnvironment env)
                {
                    var lockFile = Path.Combine(env.ContentRootPath, "app.lock");
                    lifetime.ApplicationStopping.Register(() => File.Delete(lockFile));
                }
            }
            """);
    }

    [Fact]
    public async Task Recurring_job_purging_partial_uploads_under_a_configured_root_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            interface IRecurringJob { string Cron { get; } Task ExecuteAsync(CancellationToken token); }
            sealed class UploadOptions { public string UploadRoot { get; set; } = ""; }

            sealed class CleanupFilesRecurringJob : IRecurringJob
            {
                private readonly UploadOptions _options;
                public CleanupFilesRecurringJob(UploadOptions options) => _options = options;
                public string Cron => "*/15 * * * *";

                public Task ExecuteAsync(CancellationToken token)
                {
                    var tmp = Path.Combine(_options.UploadRoot, "tmp");
                    if (!Directory.Exists(tmp)) return Task.CompletedTask;
                    foreach (var part in Directory.EnumerateFiles(tmp, "*.part"))
                    {
                        token.ThrowIfCancellationRequested();
                        if (File.GetLastWriteTimeUtc(part) < DateTime.UtcNow.AddHours(-6)) File.Delete(part);
                    }

                    return Task.CompletedTask;
                }
            }
            """);
    }

    [Fact]
    public async Task Lock_file_removed_at_process_exit_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class InstanceLockCleanup
            {
                private static readonly string LockPath = Path.Combine(AppContext.BaseDirectory, "app.lock");

                public static void Register()
                {
                    File.WriteAllText(LockPath, Environment.ProcessId.ToString());
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(LockPath);
                }
            }
            """);
    }
}
