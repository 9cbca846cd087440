using System.Runtime.InteropServices;

namespace PathSafety.Analyzers.Tests.Embedded;

/// <summary>
/// The embedded PathSafety.PathGuard. The platform rules are tested through the internal overloads that take
/// the comparison; which comparison each platform gets is tested on the platform the tests run on.
/// </summary>
public class PathGuardTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "pathguard-tests", "logs");

    [Theory]
    [InlineData("app.log")]
    [InlineData("2024/01/app.log")]
    [InlineData("sub/../app.log")]
    public void Paths_below_the_root_are_within(string relative)
    {
        var absolute = Path.Combine(Root, relative);
        Assert.True(PathGuard.IsWithin(Root, absolute));
        Assert.True(PathGuard.IsWithin(Root + Path.DirectorySeparatorChar, absolute));
        Assert.Equal(Path.GetFullPath(absolute), PathGuard.EnsureWithin(Root, absolute));
    }

    [Fact]
    public void Relative_path_is_taken_relative_to_the_root()
    {
        Assert.True(PathGuard.IsWithin(Root, "app.log"));
        Assert.Equal(Path.Combine(Path.GetFullPath(Root), "app.log"), PathGuard.EnsureWithin(Root, "app.log"));
        Assert.False(PathGuard.IsWithin(Root, "../config.json"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("sub/..")]
    public void The_root_itself_is_not_within(string relative)
    {
        var path = relative.Length == 0 ? Root : Path.Combine(Root, relative);
        Assert.False(PathGuard.IsWithin(Root, path));
        Assert.False(PathGuard.IsWithin(Root, path + Path.DirectorySeparatorChar));
        Assert.Throws<ArgumentException>("path", () => PathGuard.EnsureWithin(Root, path));
    }

    [Fact]
    public void Sibling_with_the_root_as_name_prefix_is_not_within()
    {
        Assert.False(PathGuard.IsWithin(Root, Root + "-old" + Path.DirectorySeparatorChar + "x.log"));
        Assert.False(PathGuard.IsWithin(Root, Root + "x.log"));
    }

    [Fact]
    public void Parent_segments_and_absolute_paths_elsewhere_are_not_within()
    {
        Assert.False(PathGuard.IsWithin(Root, Path.Combine(Root, "..", "appsettings.json")));
        Assert.False(PathGuard.IsWithin(Root, Path.GetTempPath()));
        Assert.False(PathGuard.IsWithin(Root, Path.Combine(Path.GetPathRoot(Root)!, "etc", "passwd")));
        var error = Assert.Throws<ArgumentException>("path", () => PathGuard.EnsureWithin(Root, Path.Combine(Root, "..", "appsettings.json")));
        Assert.Contains("is not inside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Soft_hyphen_and_zero_width_space_do_not_pass_an_ordinal_comparison()
    {
        var logs = Path.Combine(Root, "logs");
        Assert.False(PathGuard.IsWithin(logs, Path.Combine(Root, "lo\u00ADgs", "x")));
        Assert.False(PathGuard.IsWithin(logs, Path.Combine(Root, "lo\u200Bgs", "x")));
        Assert.True(PathGuard.IsWithin(logs, Path.Combine(logs, "x")));
    }

    [Fact]
    public void Case_is_significant_with_ordinal_and_ignored_with_ordinal_ignore_case()
    {
        var upper = Path.Combine(Root, "App", "x.log");
        var lowerRoot = Path.Combine(Root, "app");
        Assert.False(PathGuard.IsWithinUsing(lowerRoot, upper, StringComparison.Ordinal));
        Assert.True(PathGuard.IsWithinUsing(lowerRoot, upper, StringComparison.OrdinalIgnoreCase));
        Assert.Throws<ArgumentException>("path", () => PathGuard.EnsureWithinUsing(lowerRoot, upper, StringComparison.Ordinal));
        Assert.Equal(Path.GetFullPath(upper), PathGuard.EnsureWithinUsing(lowerRoot, upper, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_guards_have_no_overload_that_takes_a_comparison()
    {
        // Such an overload makes CA1307 (AnalysisMode=All) flag every PathGuard.EnsureWithin(root, path) in the consumer.
        var overloads = typeof(PathGuard)
            .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(m => m.Name is nameof(PathGuard.EnsureWithin) or nameof(PathGuard.IsWithin))
            .Select(m => m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["EnsureWithin(String, String)", "IsWithin(String, String)"], overloads);
    }

    [Fact]
    public void Platform_comparison_ignores_case_on_Windows_and_macOS_only()
    {
        var expected = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        Assert.Equal(expected, PathGuard.PlatformComparison);
        Assert.Equal(
            expected == StringComparison.OrdinalIgnoreCase,
            PathGuard.IsWithin(Path.Combine(Root, "app"), Path.Combine(Root, "APP", "x.log")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Blank_root_or_path_is_rejected(string? blank)
    {
        Assert.Throws<ArgumentException>("root", () => PathGuard.IsWithin(blank!, "x"));
        Assert.Throws<ArgumentException>("root", () => PathGuard.EnsureWithin(blank!, "x"));
        Assert.Throws<ArgumentException>("path", () => PathGuard.IsWithin(Root, blank!));
        Assert.Throws<ArgumentException>("path", () => PathGuard.EnsureWithin(Root, blank!));
    }

    [Theory]
    [InlineData("logs")]
    [InlineData("./logs")]
    [InlineData("~/logs")]
    [InlineData("logs/../cache")]
    public void Relative_root_is_refused_and_named(string root)
    {
        // 'EnsureWithin("logs", "logs/a.log")' used to return '<cwd>/logs/logs/a.log': the guard depended on the
        // current directory, the very thing it exists to rule out.
        foreach (var call in new Func<object>[] { () => PathGuard.EnsureWithin(root, "logs/a.log"), () => PathGuard.IsWithin(root, "a.log") })
        {
            var error = Assert.Throws<ArgumentException>("root", call);
            Assert.Contains("'" + root + "'", error.Message, StringComparison.Ordinal);
            Assert.Contains("not a fully qualified path", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The path facts for Windows: "\logs" and "C:logs" are rooted, yet not fully qualified.</summary>
    [Theory]
    [InlineData(@"C:\srv\app", true)]
    [InlineData("C:/srv/app", true)]
    [InlineData(@"c:\", true)]
    [InlineData(@"\\server\share\logs", true)]
    [InlineData("//server/share/logs", true)]
    [InlineData(@"\\?\C:\logs", true)]
    [InlineData(@"\\.\C:\logs", true)]
    [InlineData("C:logs", false)]
    [InlineData("C:", false)]
    [InlineData(@"\logs", false)]
    [InlineData("/logs", false)]
    [InlineData("logs", false)]
    [InlineData("1:\\logs", false)]
    [InlineData("", false)]
    public void Windows_forms_follow_IsPathFullyQualified(string path, bool fullyQualified)
    {
        Assert.Equal(fullyQualified, PathGuard.IsFullyQualifiedOn(path, windows: true));
    }

    [Theory]
    [InlineData("/srv/app", true)]
    [InlineData("/", true)]
    [InlineData("logs", false)]
    [InlineData("~/logs", false)]
    [InlineData(@"C:\srv\app", false)]
    [InlineData(@"\logs", false)]
    [InlineData("", false)]
    public void Unix_forms_follow_IsPathFullyQualified(string path, bool fullyQualified)
    {
        Assert.Equal(fullyQualified, PathGuard.IsFullyQualifiedOn(path, windows: false));
    }

    [Fact]
    public void The_fallback_agrees_with_the_framework_on_this_platform()
    {
        // Targets without Path.IsPathFullyQualified (.NET Framework, .NET Standard 2.0) use the fallback.
        var windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        string[] paths = ["/srv/app", "logs", "~/logs", @"C:\x", "C:x", @"\x", @"\\server\share", "//server/share", @"\\?\C:\x", "C:", "/"];
        foreach (var path in paths)
        {
            Assert.True(Path.IsPathFullyQualified(path) == PathGuard.IsFullyQualifiedOn(path, windows), path);
        }
    }
}
