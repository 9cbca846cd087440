namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Ordinary application code that is not maintenance code: controllers, handlers, services, web Program.cs.
/// The scope-limited rules stay silent whatever it does with paths; the everywhere rules (PS0005, PS0006, PS0007)
/// speak only when they have something specific to say.
/// </summary>
public class ReadOnlyAppCodeTests
{
    [Fact]
    public async Task Controller_deleting_what_the_request_names_is_a_delete_to_guard()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public class UploadsController : ControllerBase
            {
                private readonly string _storage = Path.Combine(System.AppContext.BaseDirectory, "storage");

                [HttpDelete("{id}")]
                public void Delete(string id)
                {
                    var userUploadPath = Path.Combine(_storage, id);
                    {|PS0002:File.Delete(userUploadPath)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Relative_reads_in_a_service_are_out_of_scope()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SeedDataProvider
            {
                public string[] Load() => JsonSerializer.Deserialize<string[]>(File.ReadAllText("data/seed.json"))!;
                public bool HasOverrides() => File.Exists("./overrides.json");
            }
            """);
    }

    [Fact]
    public async Task StartsWith_on_urls_keys_and_routes_is_not_PS0007()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            public sealed class AssetFetcher
            {
                private readonly Dictionary<string, byte[]> _cache = new();

                public void Save(string url, string path, byte[] data)
                {
                    if (url.StartsWith("https://"))
                        File.WriteAllBytes(path, data);
                }

                public void Evict(string prefix)
                {
                    foreach (var key in new List<string>(_cache.Keys))
                        if (key.StartsWith(prefix))
                            _cache.Remove(key);
                }

                public string Resolve(string route, string webRoot)
                    => route.StartsWith("/static/") ? Path.Combine(webRoot, route.Substring(8)) : "";
            }
            """);
    }

    [Fact]
    public async Task StartsWith_on_a_file_name_before_a_delete_is_not_PS0007()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            public sealed class DraftStore
            {
                public void DiscardDrafts(string dir)
                {
                    foreach (var f in Directory.GetFiles(dir, "*.json"))
                    {
                        if (Path.GetFileName(f).StartsWith("draft-"))
                            File.Delete(f);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Clean_architecture_handler_is_not_maintenance_code()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            namespace CleanArchitecture.Application.Documents
            {
                public sealed class DeleteDocumentCommandHandler
                {
                    private readonly string _documents = System.Environment.GetEnvironmentVariable("DOCUMENTS")!;
                    public void Handle(System.Guid id) => File.Delete(Path.Combine(_documents, id + ".html"));
                    public string Read() => File.ReadAllText("templates/document.html");
                }
            }
            """);
    }

    [Fact]
    public async Task A_Clean_method_is_maintenance_code_even_in_a_CleanArchitecture_namespace()
    {
        // 'Clean' names a cleanup in a method name; only the set phrase in the namespace is exempt.
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            namespace CleanArchitecture.Infrastructure.Files
            {
                public sealed class ExportFolder
                {
                    private readonly string _path;
                    public ExportFolder(string path) => _path = path;

                    public void Clean() => {|PS0003:Directory.Delete(_path, true)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Dispose_of_an_ordinary_temp_file_owner_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            public sealed class SpoolFile : IDisposable
            {
                private readonly string _path = Path.GetTempFileName();
                public Stream Open() => File.OpenWrite(_path);
                public void Dispose() => File.Delete(_path);
            }
            """);
    }

    [Fact]
    public async Task Base_directory_variants_are_not_relative_in_maintenance_code()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;
            using System.Reflection;

            static class Housekeeping
            {
                public static void Touch()
                {
                    File.WriteAllText(Path.Join(AppContext.BaseDirectory, "data", "stamp.txt"), "");
                    File.WriteAllText(AppDomain.CurrentDomain.BaseDirectory + "stamp.txt", "");
                    File.WriteAllText($"{AppContext.BaseDirectory}/stamp.txt", "");
                    File.WriteAllText(Path.Combine(Path.GetDirectoryName(Assembly.GetEntryAssembly()!.Location)!, "stamp.txt"), "");
                    File.WriteAllText(Path.Combine(Path.GetDirectoryName(Environment.ProcessPath)!, "stamp.txt"), "");
                    File.WriteAllText(Path.Combine(Path.GetDirectoryName(typeof(Housekeeping).Assembly.Location)!, "stamp.txt"), "");
                }
            }
            """);
    }

    [Fact]
    public async Task Rooted_segment_in_application_code_is_PS0005()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using Microsoft.AspNetCore.Hosting;

            public sealed class ImageService
            {
                private readonly IWebHostEnvironment _env;
                public ImageService(IWebHostEnvironment env) => _env = env;

                public byte[] Load(string name) => File.ReadAllBytes(Path.Combine(_env.WebRootPath, {|PS0005:"/images"|}, name));
                public byte[] LoadJoined(string name) => File.ReadAllBytes(Path.Join(_env.WebRootPath, "/images", name));
            }
            """);
    }

    [Fact]
    public async Task Web_program_with_top_level_statements_is_not_a_maintenance_script()
    {
        await AllRulesTest.VerifyProgramAsync("""
            using System.IO;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var banner = File.ReadAllText("banner.txt");
            app.MapGet("/", () => banner);
            app.MapGet("/logo", () => File.ReadAllBytes("wwwroot/logo.png"));
            app.Run();
            """);
    }

    [Fact]
    public async Task Script_style_program_is_maintenance_code()
    {
        await AllRulesTest.VerifyProgramAsync("""
            using System;
            using System.IO;

            foreach (var f in Directory.GetFiles({|PS0001:"logs"|}, "*.log"))
            {
                if (File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddDays(-7)) File.Delete(f);
            }
            """);
    }

    [Fact]
    public async Task Words_that_only_look_like_maintenance_are_not()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            public static class Env { public static string Target => System.Environment.GetEnvironmentVariable("TARGET")!; }
            public sealed class OrderStatusUpdate { public void Apply() => File.Delete(Env.Target); }
            public sealed class UpdateProductCommand { public void Execute(string path) => File.Exists("cache/" + path); }
            public sealed class ZipArchiveReader { public void Close() => Directory.Delete(Env.Target, true); }
            public sealed class Matrix { public void RotateLeft() => File.Delete(Env.Target); }
            public sealed class Session { public bool HasExpired() { File.Delete(Env.Target); return true; } }
            """);
    }

    [Fact]
    public async Task Web_program_deleting_its_pid_file_on_stop_is_not_a_maintenance_script()
    {
        await AllRulesTest.VerifyProgramAsync("""
            using System.IO;
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var pidFile = args.Length > 0 ? args[0] : "/run/myapp.pid";
            File.WriteAllText(pidFile, System.Environment.ProcessId.ToString());
            app.Lifetime.ApplicationStopping.Register(() => File.Delete(pidFile));
            app.Run();
            """);
    }

    [Fact]
    public async Task Worker_program_is_an_application_but_its_worker_is_maintenance_code()
    {
        await AllRulesTest.VerifyProgramAsync("""
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            var settings = File.ReadAllText("hostsettings.json");
            Host.CreateDefaultBuilder(args).Build().Run();

            sealed class ReportWorker : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    File.WriteAllText({|PS0001:"reports/last-run.txt"|}, DateTime.UtcNow.ToString("O"));
                    return Task.CompletedTask;
                }
            }
            """);
    }
}
