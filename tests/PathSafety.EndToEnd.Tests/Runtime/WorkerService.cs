using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Runtime;

/// <summary>
/// One worker service built and published once with the package and Microsoft.Extensions.Hosting (pinned; from the
/// machine's registry), shared by the runtime tests; each test runs a copy of the publish folder.
/// </summary>
public sealed class WorkerService : IDisposable
{
    /// <summary>The generic host the consumer pins.</summary>
    public const string HostingVersion = "10.0.0";

    private const string Program = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using PathSafety;

        var watch = args.Contains("--watch");
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Services.AddProtectedFilesCheck();
        if (watch)
        {
            builder.Services.AddProtectedFilesWatcher(debounce: TimeSpan.FromMilliseconds(100));
        }

        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("READY " + ProtectedFiles.Files.Count + " protected file(s)");
        if (watch)
        {
            await host.WaitForShutdownAsync();
        }
        else
        {
            await host.StopAsync();
        }
        """;

    private readonly ConsumerProject _consumer;

    public WorkerService()
    {
        _consumer = new ConsumerProject("Worker")
        {
            UseMachineSources = true,
            ProjectContent = $"""
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Extensions.Hosting" Version="{HostingVersion}" />
                    <Content Include="appsettings.json" CopyToOutputDirectory="PreserveNewest" />
                    <None Update="config/worker.json" CopyToOutputDirectory="PreserveNewest" />
                    <ProtectedFile Include="config/worker.json" />
                  </ItemGroup>
                """,
        }
            .WithFile("Program.cs", Program)
            .WithFile("appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }")
            .WithFile("config/worker.json", "{ \"interval\": 5 }");

        // Publish builds too; one command for the build, the check and the manifest.
        Publish = _consumer.Publish("-p:PathSafetyWriteManifest=true");
        PublishFolder = Path.Combine(_consumer.Directory, "bin", "Release", "net10.0", "publish");
    }

    public BuildResult Publish { get; }

    /// <summary>Builds the same project (Debug, so the publish folder stays as it is) with extra arguments.</summary>
    public BuildResult Build(params string[] arguments) => _consumer.Build(arguments);

    public string PublishFolder { get; }

    /// <summary>A fresh copy of the publish folder, for a test to damage.</summary>
    public string CopyOfPublishFolder()
    {
        var copy = Path.Combine(_consumer.Directory, "copies", Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in Directory.EnumerateFiles(PublishFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(PublishFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public void Dispose() => _consumer.Dispose();
}
