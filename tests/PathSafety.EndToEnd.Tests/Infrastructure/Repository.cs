using System.Reflection;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

public static class Repository
{
    /// <summary>Where the repository was when the tests were built; the package is packed from there.</summary>
    public static string Root { get; } = Path.GetFullPath(
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? throw new InvalidOperationException("The test assembly does not know the repository root."));
}
