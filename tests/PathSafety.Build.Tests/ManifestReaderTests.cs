using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

/// <summary>The manifest as the contract between the build and a deployed folder: what it accepts and what it refuses.</summary>
public sealed class ManifestReaderTests
{
    private const string Hash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private static string Manifest(string files) => "{ \"version\": 1, \"packageVersion\": \"1.2.3\", \"files\": [" + files + "] }";

    [Fact]
    public void What_the_writer_writes_reads_back()
    {
        using var output = new TempFolder();
        output.Write("appsettings.json", "{}");
        output.Write("config/empty.json", string.Empty);
        var task = Create(output.Path, Item("appsettings.json", ("Sha256", Hash)), Item("config/empty.json", ("AllowEmpty", "true")));
        task.WriteManifest = true;
        Assert.Empty(Run(task).Codes);

        var manifest = ManifestReader.ReadFile(task.Manifest!.ItemSpec);

        Assert.Equal(ManifestWriter.PackageVersion, manifest.PackageVersion);
        Assert.Collection(
            manifest.Files,
            f => Assert.Equal(("appsettings.json", 2L, Hash, false, true), (f.Path.Value, f.Size!.Value, f.Sha256, f.AllowEmpty, f.Pinned)),
            f => Assert.Equal(("config/empty.json", 0L, false, true), (f.Path.Value, f.Size!.Value, f.Pinned, f.AllowEmpty)));
    }

    [Theory]
    [InlineData("{ \"path\": \"/etc/passwd\" }", "entry 1 ('/etc/passwd'): the path is absolute")]
    [InlineData("{ \"path\": \"C:\\\\app\\\\appsettings.json\" }", "the path is absolute")]
    [InlineData("{ \"path\": \"../secrets.json\" }", "entry 1 ('../secrets.json'): the path leaves the output folder ('..')")]
    [InlineData("{ \"path\": \"config/../../x.json\" }", "leaves the output folder")]
    [InlineData("{ \"path\": \"config/../appsettings.json\" }", "leaves the output folder")]
    [InlineData("{ \"path\": \"a.json\" }, { \"path\": \"./a.json\" }", "entry 2 lists 'a.json' again (first listed as entry 1)")]
    [InlineData("{ \"path\": \"\" }", "the path is empty")]
    [InlineData("{ \"size\": 3 }", "entry 1 has no \"path\" string")]
    [InlineData("\"a.json\"", "entry 1 is not an object")]
    [InlineData("{ \"path\": \"a.json\", \"sha256\": \"abc\" }", "\"sha256\" must be 64 hexadecimal digits")]
    [InlineData("{ \"path\": \"a.json\", \"pinned\": true }", "\"pinned\" must be set only with a sha256")]
    [InlineData("{ \"path\": \"a.json\", \"size\": -1 }", "\"size\" must be a whole number of bytes")]
    [InlineData("{ \"path\": \"a.json\", \"allowEmpty\": \"yes\" }", "\"allowEmpty\" must be true or false")]
    public void Entries_that_could_mislead_a_verifier_are_refused(string files, string reason)
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read(Manifest(files), "m.json"));
        Assert.StartsWith("The manifest 'm.json' cannot be used: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"files\": [ { \"path\": \"a.json\", \"size\": 2", "the text ends too early at character")]
    [InlineData("{ \"version\": 1, \"files\": [ { \"path\": \"a.js", "the text ends too early")]
    [InlineData("", "the text ends too early at character 1")]
    [InlineData("{ \"version\": 1, \"files\": [] } trailing", "text follows the end of the document")]
    [InlineData("{ \"version\": 1, \"version\": 1, \"files\": [] }", "the property \"version\" appears twice")]
    [InlineData("{ \"version\": 1, \"files\": [ tru ] }", "unexpected text")]
    public void Malformed_or_truncated_JSON_is_refused_with_the_position(string text, string reason)
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read(text, "m.json"));
        Assert.Contains("it is not valid JSON (", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("{ \"files\": [] }", "\"version\" is missing or not 1")]
    [InlineData("{ \"version\": 2, \"files\": [] }", "\"version\" is missing or not 1")]
    [InlineData("{ \"version\": 1 }", "\"files\" is missing or not a list")]
    [InlineData("{ \"version\": 1, \"packageVersion\": 3, \"files\": [] }", "\"packageVersion\" is not a string")]
    public void A_document_that_is_not_a_manifest_is_refused(string text, string reason)
    {
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.Read(text, "m.json"));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_and_unknown_properties_are_read()
    {
        var manifest = ManifestReader.Read(
            "{ \"version\": 1, \"future\": { \"x\": [1, 2.5e3, null, false] }, "
            + "\"files\": [ { \"path\": \"config\\/caf\\u00e9 q.json\" } ] }",
            "m.json");

        Assert.Null(manifest.PackageVersion);
        Assert.Equal("config/café q.json", Assert.Single(manifest.Files).Path.Value);
    }

    [Fact]
    public void An_unreadable_manifest_is_refused_not_thrown()
    {
        using var folder = new TempFolder();
        var exception = Assert.Throws<InvalidManifestException>(() => ManifestReader.ReadFile(folder.Path));
        Assert.Contains("cannot be read", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_schema_names_exactly_the_fields_the_writer_writes()
    {
        var root = typeof(ManifestReaderTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs", "pathsafety.manifest.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        var entry = properties.GetProperty("files").GetProperty("items").GetProperty("properties");

        Assert.Equal(["files", "packageVersion", "version"], properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["allowEmpty", "path", "pinned", "sha256", "size"], entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ManifestWriter.FormatVersion, properties.GetProperty("version").GetProperty("const").GetInt32());
    }
}
