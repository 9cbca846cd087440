using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace PathSafety.Benchmarks;

/// <summary>
/// The reference assemblies a build would compile against (the targeting pack of the running runtime), or the
/// runtime's own assemblies when no pack is installed.
/// </summary>
internal static class ReferencePack
{
    public static (ImmutableArray<MetadataReference> References, string Source) Load()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var folder = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(v => Path.Combine(v, "ref", framework))
                .Where(Directory.Exists)
                .OrderByDescending(p => p, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (folder is not null)
        {
            return (Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal).Select(p
                => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray(), folder);
        }

        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return (trusted.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
            || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray(), "runtime assemblies");
    }
}
