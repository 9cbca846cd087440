using System.Text.Json;
using PathSafety.Build;

namespace PathSafety.Tool.Tests;

/// <summary>'pathsafety verify' in process: exit codes 0/1/2, one line per problem, clear refusals, no stack traces.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pathsafety-tool-").FullName;

    public VerifyCommandTests()
    {
        Folder = Path.Combine(_root, "app");
        Directory.CreateDirectory(Path.Combine(Folder, "config"));
        File.WriteAllText(Path.Combine(Folder, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(Folder, "config", "worker.json"), "{}");
        WriteManifest("""{ "path": "appsettings.json", "size": 2 }, { "path": "config/worker.json" }""");
    }

    private string Folder { get; }

    private string ManifestPath => Path.Combine(Folder, ManifestWriter.FileName);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteManifest(string entries, string? path = null) =>
        File.WriteAllText(path ?? ManifestPath, "{ \"version\": 1, \"packageVersion\": \"1.2.3\", \"files\": [ " + entries + " ] }");

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static void NoStackTrace(string text) => Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);

    [Fact]
    public void A_sound_folder_exits_0_with_one_line()
    {
        var (code, output, error) = Run("verify", Folder);

        Assert.Equal(0, code);
        Assert.Equal($"OK: 2 protected file(s) present and sound in '{Folder}' (manifest '{ManifestPath}', PathSafety 1.2.3).", output.Trim());
        Assert.Empty(error);
    }

    [Fact]
    public void Missing_and_emptied_files_exit_1_with_one_line_each()
    {
        File.Delete(Path.Combine(Folder, "appsettings.json"));
        File.WriteAllText(Path.Combine(Folder, "config", "worker.json"), string.Empty);

        var (code, output, error) = Run("verify", Folder);

        Assert.Equal(1, code);
        Assert.Equal(
            [$"'{Path.Combine(Folder, "appsettings.json")}' is missing.", $"'{Path.Combine(Folder, "config", "worker.json")}' is empty."],
            output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Contains("2 problem(s) with the 2 protected file(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_problem_report()
    {
        var gone = Path.Combine(_root, "gone");

        var (code, output, _) = Run("verify", gone);

        Assert.Equal(1, code);
        Assert.Equal($"The folder '{gone}' does not exist.", output.Trim());
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"files\": [ { \"path\": \"appsettings.json\", \"si", "it is not valid JSON (the text ends too early")]
    [InlineData("{ \"version\": 1, \"files\": [ { \"path\": \"/etc/app/appsettings.json\" } ] }", "the path is absolute")]
    [InlineData("{ \"version\": 1, \"files\": [ { \"path\": \"../other/appsettings.json\" } ] }", "the path leaves the output folder ('..')")]
    [InlineData("{ \"version\": 1, \"files\": [ { \"path\": \"a.json\" }, { \"path\": \"a.json\" } ] }", "entry 2 lists 'a.json' again")]
    [InlineData("{ \"version\": 7, \"files\": [] }", "\"version\" is missing or not 1")]
    public void A_bad_manifest_exits_2_with_a_clear_message(string manifest, string reason)
    {
        File.WriteAllText(ManifestPath, manifest);

        var (code, output, error) = Run("verify", Folder);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"pathsafety: The manifest '{ManifestPath}' cannot be used: ", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        NoStackTrace(error);
    }

    [Fact]
    public void No_manifest_exits_2_and_says_how_to_get_one()
    {
        File.Delete(ManifestPath);

        var (code, _, error) = Run("verify", Folder);

        Assert.Equal(2, code);
        Assert.Contains("There is no manifest at", error, StringComparison.Ordinal);
        Assert.Contains("-p:PathSafetyWriteManifest=true", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_kept_elsewhere_is_used_with_manifest()
    {
        var elsewhere = Path.Combine(_root, "baseline.json");
        WriteManifest("""{ "path": "config/worker.json" }, { "path": "secrets.json" }""", elsewhere);

        var (code, output, _) = Run("verify", Folder, "--manifest", elsewhere);

        Assert.Equal(1, code);
        Assert.Equal($"'{Path.Combine(Folder, "secrets.json")}' is missing.", output.Trim());
    }

    [Fact]
    public void Json_output_is_one_document_for_scripts()
    {
        File.Delete(Path.Combine(Folder, "appsettings.json"));

        var (code, output, _) = Run("verify", Folder, "--json");

        Assert.Equal(1, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal("1.2.3", root.GetProperty("packageVersion").GetString());
        Assert.Equal(2, root.GetProperty("files").GetInt32());
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray());
        Assert.Equal("appsettings.json", problem.GetProperty("path").GetString());
        Assert.Equal("missing", problem.GetProperty("condition").GetString());
        Assert.Equal(Path.Combine(Folder, "appsettings.json"), problem.GetProperty("fullPath").GetString());
    }

    [Fact]
    public void Json_output_for_a_bad_manifest_is_an_error_document()
    {
        File.WriteAllText(ManifestPath, "{");

        var (code, output, _) = Run("verify", Folder, "--json");

        Assert.Equal(2, code);
        using var document = JsonDocument.Parse(output);
        Assert.Contains("cannot be used", document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "Usage: pathsafety verify")]
    [InlineData(new[] { "check", "x" }, "unknown command 'check'")]
    [InlineData(new[] { "verify" }, "no folder given")]
    [InlineData(new[] { "verify", "a", "b" }, "one folder only")]
    [InlineData(new[] { "verify", "a", "--manifest" }, "--manifest needs a file")]
    [InlineData(new[] { "verify", "a", "--strict" }, "unknown option '--strict'")]
    public void A_bad_command_line_exits_2_with_the_usage(string[] args, string reason)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_and_version_exit_0()
    {
        Assert.Equal(0, Run("--help").Code);
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Equal(ManifestWriter.PackageVersion, output.Trim());
    }
}
