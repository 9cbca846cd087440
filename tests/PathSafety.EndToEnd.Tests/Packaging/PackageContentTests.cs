using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Packaging;

/// <summary>What is inside PathSafety.nupkg: the one package a user adds.</summary>
public sealed class PackageContentTests
{
    private static readonly string[] RequiredEntries =
    [
        "analyzers/dotnet/cs/PathSafety.Analyzers.dll",
        "analyzers/dotnet/cs/PathSafety.CodeFixes.dll",
        "tasks/netstandard2.0/PathSafety.Build.dll",
        "build/PathSafety.props",
        "build/PathSafety.targets",
        "build/PathSafety.CI.globalconfig",
        "build/PathSafety.BuildCheck.targets",
        "build/PathSafety.BuildCheck.Late.targets",
        "build/PathSafety.Attributes.cs",
        "build/PathSafety.EmbeddedAttribute.cs",
        "build/PathSafety.PathGuard.cs",
        "build/PathSafety.Runtime.targets",
        "build/PathSafety.ProtectedFiles.cs",
        "build/PathSafety.ProtectedFiles.Hosting.cs",
        "buildTransitive/PathSafety.props",
        "buildTransitive/PathSafety.targets",
        "buildMultiTargeting/PathSafety.props",
        "buildMultiTargeting/PathSafety.targets",
        "README.md",
    ];

    [Fact]
    public void Package_holds_the_analyzers_the_task_and_the_build_files()
    {
        var entries = ReadEntries();

        foreach (var required in RequiredEntries)
        {
            Assert.Contains(required, entries);
        }

        // Nothing that flows to the consumer's runtime, and no compiler or MSBuild assembly of our own.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_without_dependencies()
    {
        using var archive = ZipFile.OpenRead(PathSafetyPackage.Instance.PackagePath);
        using var stream = archive.GetEntry("PathSafety.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("PathSafety", metadata.Element(ns + "id")?.Value);
        Assert.Equal(PathSafetyPackage.Instance.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.Contains("analyzers", metadata.Element(ns + "tags")?.Value ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(metadata.Element(ns + "dependencies"));
        Assert.Equal("https://github.com/PathSafety/PathSafety", (string?)metadata.Element(ns + "repository")?.Attribute("url"));
    }

    [Fact]
    public void Readme_links_point_at_the_repository_so_they_work_on_the_package_page()
    {
        using var archive = ZipFile.OpenRead(PathSafetyPackage.Instance.PackagePath);
        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
        var packed = reader.ReadToEnd();

        // The same text (';' and '%' included), with every docs/ link made absolute.
        var expected = File.ReadAllText(Path.Combine(Repository.Root, "README.md"))
            .Replace("](docs/", "](https://github.com/PathSafety/PathSafety/blob/main/docs/", StringComparison.Ordinal);
        Assert.Equal(expected.TrimEnd().ReplaceLineEndings("\n"), packed.TrimEnd().ReplaceLineEndings("\n"));
        Assert.DoesNotContain("](docs/", packed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyzers/dotnet/cs/PathSafety.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/PathSafety.CodeFixes.dll")]
    [InlineData("tasks/netstandard2.0/PathSafety.Build.dll")]
    public void Assemblies_carry_the_package_version_and_old_enough_references(string entry)
    {
        var package = PathSafetyPackage.Instance;
        var (assemblyVersion, references) = ReadAssembly(entry);

        // Numeric part of the package version: Visual Studio and reused MSBuild nodes never mix two copies.
        var expected = Version.Parse(package.Version.Split('-')[0]);
        Assert.Equal(new Version(expected.Major, expected.Minor, expected.Build, 0), assemblyVersion);

        // Loadable by the .NET 8 SDK and Visual Studio 17.8: Roslyn 4.8 at most.
        foreach (var (name, version) in references)
        {
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                Assert.True(version <= new Version(4, 8, 0, 0), $"{entry} references {name} {version}");
            }
        }

        if (entry.EndsWith("PathSafety.Analyzers.dll", StringComparison.Ordinal))
        {
            // The compiler must never load Workspaces for the analyzers.
            Assert.DoesNotContain(references, r => r.Name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        }

        if (entry.EndsWith("PathSafety.Build.dll", StringComparison.Ordinal))
        {
            // The task depends on the base library and MSBuild only.
            Assert.All(references, r => Assert.True(
                r.Name is "netstandard" || r.Name.StartsWith("Microsoft.Build", StringComparison.Ordinal),
                $"the task references {r.Name}"));
        }
    }

    private static List<string> ReadEntries()
    {
        using var archive = ZipFile.OpenRead(PathSafetyPackage.Instance.PackagePath);
        return archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
    }

    private static (Version Version, List<(string Name, Version Version)> References) ReadAssembly(string entry)
    {
        using var archive = ZipFile.OpenRead(PathSafetyPackage.Instance.PackagePath);
        using var stream = archive.GetEntry(entry)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToList();
        return (reader.GetAssemblyDefinition().Version, references);
    }
}
