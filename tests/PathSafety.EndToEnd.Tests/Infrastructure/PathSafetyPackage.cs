namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real PathSafety package, packed once per test run from the repository with a unique version into a
/// temporary feed, so no earlier package in any NuGet cache can stand in for it.
/// </summary>
public sealed class PathSafetyPackage
{
    private static readonly Lazy<PathSafetyPackage> Shared = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private PathSafetyPackage(string repositoryRoot, string workRoot, string feed, string version)
    {
        RepositoryRoot = repositoryRoot;
        WorkRoot = workRoot;
        Feed = feed;
        Version = version;
    }

    public static PathSafetyPackage Instance => Shared.Value;

    public string RepositoryRoot { get; }

    /// <summary>Temporary folder for this run: the feed, the pack's build output and every consumer.</summary>
    public string WorkRoot { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath => Path.Combine(Feed, $"PathSafety.{Version}.nupkg");

    private static PathSafetyPackage Pack()
    {
        var root = Repository.Root;

        var workRoot = Path.Combine(Path.GetTempPath(), "pathsafety-e2e", Guid.NewGuid().ToString("N")[..12]);
        var feed = Path.Combine(workRoot, "feed");
        Directory.CreateDirectory(feed);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(workRoot);

        // A unique numeric version per run: assembly versions differ too, so no loaded copy can be mixed up with it.
        var now = DateTime.UtcNow;
        var version = $"99.{now.DayOfYear * 100 + now.Hour}.{now.Minute * 1000 + now.Second * 10 + Random.Shared.Next(10)}-e2e";

        // A separate artifacts path keeps this Release build away from the bin/obj folders the tests run from.
        var result = DotNet.Run(root,
        [
            "pack", Path.Combine("src", "PathSafety", "PathSafety.csproj"),
            "-c", "Release",
            "-o", feed,
            "--artifacts-path", Path.Combine(workRoot, "pack-artifacts"),
            $"-p:Version={version}",
            "-nodeReuse:false",
            "-p:UseSharedCompilation=false",
        ]);

        var package = new PathSafetyPackage(root, workRoot, feed, version);
        if (result.ExitCode != 0 || !File.Exists(package.PackagePath))
        {
            throw new InvalidOperationException("Packing PathSafety failed.\n" + result);
        }

        return package;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
