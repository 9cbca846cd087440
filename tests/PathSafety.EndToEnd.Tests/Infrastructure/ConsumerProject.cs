using System.Text;
using System.Xml.Linq;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real consumer project in its own temporary folder, with its own nuget.config (the local feed only,
/// unless <see cref="UseMachineSources"/>) and its own NuGet package cache, that references the packed PathSafety.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public ConsumerProject(string name = "Consumer", string targetFramework = "net10.0")
    {
        Package = PathSafetyPackage.Instance;
        Name = name;
        Directory = Path.Combine(Package.WorkRoot, "consumers", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        PackagesFolder = Path.Combine(Directory, ".nuget-packages");
        TargetFramework = targetFramework;
        _environment["NUGET_PACKAGES"] = PackagesFolder;
    }

    public PathSafetyPackage Package { get; }

    public string Name { get; }

    public string Directory { get; }

    public string PackagesFolder { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    /// <summary>'net10.0', or 'net8.0;net10.0' for a multi-targeted project.</summary>
    public string TargetFramework { get; set; }

    public string OutputType { get; set; } = "Exe";

    /// <summary>'Microsoft.NET.Sdk', or 'Microsoft.NET.Sdk.Web' / 'Microsoft.NET.Sdk.Worker' for a Web or Worker project.</summary>
    public string Sdk { get; set; } = "Microsoft.NET.Sdk";

    /// <summary>Extra XML placed inside the project element (property groups, items, targets).</summary>
    public string ProjectContent { get; set; } = string.Empty;

    /// <summary>
    /// Inherit the machine's package sources as well as the local feed: only for consumers that need a
    /// package from the registry (for example a second target framework's reference pack).
    /// </summary>
    public bool UseMachineSources { get; set; }

    public ConsumerProject WithFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    public ConsumerProject WithEnvironment(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }

    public BuildResult Build(params string[] arguments) => Run("build", arguments);

    public BuildResult Publish(params string[] arguments) => Run("publish", arguments);

    /// <summary>Runs 'dotnet &lt;command&gt;' on the project with the flags every consumer build uses.</summary>
    public BuildResult Run(string command, params string[] arguments)
    {
        WriteProjectFiles();
        var allArguments = new List<string> { command, ProjectFile, "-nodeReuse:false", "-p:UseSharedCompilation=false" };
        if (command is "build" or "publish" or "pack")
        {
            // One line per diagnostic, no repeated summary.
            allArguments.Add("-clp:NoSummary");
            allArguments.Add("-v:minimal");
        }

        allArguments.AddRange(arguments);
        var result = DotNet.Run(Directory, allArguments, _environment);
        return new BuildResult(result, Directory);
    }

    /// <summary>Runs any dotnet command (for example 'format analyzers') in the consumer's folder.</summary>
    public BuildResult RunRaw(params string[] arguments)
    {
        WriteProjectFiles();
        return new BuildResult(DotNet.Run(Directory, arguments, _environment), Directory);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void WriteProjectFiles()
    {
        var sources = new StringBuilder();
        if (!UseMachineSources)
        {
            // The consumer resolves PathSafety from the run's feed and nothing else: the package must be self-contained.
            sources.AppendLine("    <clear />");
        }

        sources.AppendLine($"    <add key=\"pathsafety-e2e\" value=\"{Package.Feed}\" />");
        WriteIfChanged(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
            {sources}  </packageSources>
            </configuration>
            """);

        var frameworks = TargetFramework.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{TargetFramework}</TargetFrameworks>"
            : $"<TargetFramework>{TargetFramework}</TargetFramework>";
        var project = $"""
            <Project Sdk="{Sdk}">
              <PropertyGroup>
                <OutputType>{OutputType}</OutputType>
                {frameworks}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PathSafety" Version="{Package.Version}" />
              </ItemGroup>
            {ProjectContent}
            </Project>
            """;

        // Fail here, not inside MSBuild, when a test wrote malformed project XML.
        XDocument.Parse(project);
        WriteIfChanged(ProjectFile, project);

        // Isolate the consumer from any Directory.Build.* or global.json above the temp folder.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            var path = Path.Combine(Directory, name);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, "<Project />\n");
            }
        }
    }

    /// <summary>An unchanged project file keeps its time stamp, so a second build of it is a real no-change build.</summary>
    private static void WriteIfChanged(string path, string content)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != content)
        {
            File.WriteAllText(path, content);
        }
    }
}
