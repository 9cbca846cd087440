using PathSafety.EndToEnd.Tests.Infrastructure;

namespace PathSafety.EndToEnd.Tests.Rules;

/// <summary>
/// Every fix in bulk through the real package: 'dotnet format analyzers' with every fixable ID over a file with several
/// findings of each rule, each rule's first finding one that no fix can handle.
/// </summary>
public sealed class FixAllTests
{
    private const string Cleanup = """
        namespace Consumer;

        public sealed class LogCleanup
        {
            private const string Rooted = "/etc";
            private readonly string _cache = "/srv/app/cache";

            public void Run(string root, string name, string path, bool flag)
            {
                var local = "data";
                File.WriteAllText(local, name);
                File.WriteAllText("out.txt", name);
                File.AppendAllText("more.txt", name);
                File.Delete(path);
                File.Delete(Path.Combine(root, name));
                File.Delete(Path.Combine(_cache, name));
                Directory.Delete(path, true);
                Directory.Delete(Path.Combine(root, name), recursive: true);
                var info = new DirectoryInfo(Path.Combine(_cache, name));
                if (flag) info.Delete(true); else info.Delete(recursive: true);
                Console.WriteLine(Path.Combine(root, Rooted) + Path.Combine(root, "/config.json") + Path.Combine(root, @"\logs"));
                if (path.StartsWith(root, StringComparison.InvariantCultureIgnoreCase) || name.StartsWith(root)) File.Delete(path);
                var full = Path.GetFullPath(path);
                if (full.StartsWith(root, StringComparison.Ordinal) && full.StartsWith(_cache, StringComparison.Ordinal)) File.Delete(full);
                if (full.StartsWith(root + Path.DirectorySeparatorChar)) File.Delete(full);
                if (full.StartsWith(_cache + Path.DirectorySeparatorChar, true, System.Globalization.CultureInfo.InvariantCulture)) File.Delete(full);
            }
        }
        """;

    private const string Program = """
        namespace Consumer;

        public static class Program
        {
            public static void Main(string[] args) => new LogCleanup().Run(AppContext.BaseDirectory, "x", args[0], args.Length > 1);
        }
        """;

    [Fact]
    public void Dotnet_format_applies_every_fixable_finding_and_leaves_the_rest_reported()
    {
        using var consumer = new ConsumerProject().WithFile("Program.cs", Program).WithFile("LogCleanup.cs", Cleanup);

        var format = consumer.RunRaw(
            "format", "analyzers", consumer.ProjectFile, "--diagnostics", "PS0001", "PS0002", "PS0003", "PS0005", "PS0007", "--severity", "info");
        format.Check(format.ExitCode == 0, "expected 'dotnet format' to succeed");
        format.Check(!format.Output.Contains("Unable to fix", StringComparison.Ordinal), "expected every fix to run in bulk");

        var fixedSource = consumer.ReadFile("LogCleanup.cs");
        foreach (var expected in new[]
        {
            "using PathSafety;",
            "File.WriteAllText(Path.Combine(AppContext.BaseDirectory, \"out.txt\"), name);",
            "File.Delete(PathGuard.EnsureWithin(root, Path.Combine(root, name)));",
            "Directory.Delete(PathGuard.EnsureWithin(root, Path.Combine(root, name)), recursive: true);",
            "var info = new DirectoryInfo(PathGuard.EnsureWithin(_cache, Path.Combine(_cache, name)));",
            "Path.Combine(root, Rooted) + Path.Combine(root, \"config.json\") + Path.Combine(root, @\"logs\")",
            "Path.GetFullPath(name).StartsWith(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)"
                + " + Path.DirectorySeparatorChar, StringComparison.Ordinal)",
            "full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)",
        })
        {
            format.Check(fixedSource.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in:\n{fixedSource}");
        }

        format.Check(
            fixedSource.Split("using PathSafety;").Length == 2 && fixedSource.Split("PathGuard.EnsureWithin(_cache").Length == 3,
            "expected one using and no delete guarded twice:\n" + fixedSource);

        // What no fix can handle stays reported: a relative path held in a local, deletes with no evident root, a
        // rooted constant declared elsewhere, a culture comparison with no ordinal form.
        var build = consumer.Build("--no-incremental").ShouldSucceed().ShouldLoadAnalyzers();
        var remaining = build.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}");
        build.Check(
            string.Join(", ", remaining) == "PS0001 x1, PS0002 x2, PS0003 x1, PS0005 x1, PS0007 x1",
            "expected only the unfixable findings to stay:\n" + string.Join("\n", build.Diagnostics) + "\n" + fixedSource);
    }
}
