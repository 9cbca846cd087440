namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The 'pathsafety' .NET tool, packed once per run into the package's feed with the package's version and installed
/// from there into a tool folder, the way a deployment machine gets it.
/// </summary>
public sealed class PathSafetyTool
{
    private static readonly Lazy<PathSafetyTool> Shared = new(PackAndInstall, LazyThreadSafetyMode.ExecutionAndPublication);

    private PathSafetyTool(string executable)
    {
        Executable = executable;
    }

    public static PathSafetyTool Instance => Shared.Value;

    /// <summary>The installed command.</summary>
    public string Executable { get; }

    public ProcessResult Run(params string[] arguments) =>
        DotNet.Run(Path.GetDirectoryName(Executable)!, arguments, DotNetRoot(), executable: Executable);

    /// <summary>The installed command is an app host: it finds the runtime through DOTNET_ROOT when dotnet is elsewhere.</summary>
    private static Dictionary<string, string?>? DotNetRoot() =>
        Path.IsPathRooted(DotNet.Executable) ? new() { ["DOTNET_ROOT"] = Path.GetDirectoryName(DotNet.Executable) } : null;

    private static PathSafetyTool PackAndInstall()
    {
        var package = PathSafetyPackage.Instance;
        var pack = DotNet.Run(Repository.Root,
        [
            "pack", Path.Combine("src", "PathSafety.Tool", "PathSafety.Tool.csproj"),
            "-c", "Release",
            "-o", package.Feed,
            "--artifacts-path", Path.Combine(package.WorkRoot, "tool-artifacts"),
            $"-p:Version={package.Version}",
            "-nodeReuse:false",
            "-p:UseSharedCompilation=false",
        ]);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing PathSafety.Tool failed.\n" + pack);
        }

        // The feed and nothing else: the tool must install without any other package.
        var toolRoot = Path.Combine(package.WorkRoot, "tool");
        Directory.CreateDirectory(toolRoot);
        var config = Path.Combine(toolRoot, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="pathsafety-e2e" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        var install = DotNet.Run(toolRoot,
            [
                "tool", "install", "PathSafety.Tool", "--version", package.Version,
                "--tool-path", Path.Combine(toolRoot, "bin"), "--configfile", config,
            ],
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(toolRoot, ".nuget-packages") });
        var executable = Path.Combine(toolRoot, "bin", OperatingSystem.IsWindows() ? "pathsafety.exe" : "pathsafety");
        if (install.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException("Installing PathSafety.Tool failed.\n" + install);
        }

        return new PathSafetyTool(executable);
    }
}
