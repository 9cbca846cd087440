using System.Text;
using PathSafety.Build.Tests.Infrastructure;
using static PathSafety.Build.Tests.Infrastructure.TaskRunner;

namespace PathSafety.Build.Tests;

/// <summary>Whatever it is given, the task reports PS1005 (or the right finding) and never throws.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("/etc/app/appsettings.json", "absolute")]
    [InlineData(@"C:\app\appsettings.json", "absolute")]
    [InlineData("../appsettings.json", "leaves the output folder")]
    [InlineData("config/../../appsettings.json", "leaves the output folder")]
    [InlineData("app|settings.json", "invalid character")]
    [InlineData("config/*.json", "wildcard")]
    [InlineData("config/", "folder")]
    public void Bad_declarations_are_PS1005_naming_the_declaration(string spec, string reason)
    {
        using var output = new TempFolder();

        var error = Assert.Single(Run(output.Path, Item(spec)).Errors);

        Assert.Equal("PS1005", error.Code);
        Assert.EndsWith("/PS1005.md", error.HelpLink, StringComparison.Ordinal);
        Assert.Contains("Invalid ProtectedFile '" + spec.Replace('\\', Path.DirectorySeparatorChar) + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_metadata_is_PS1005_and_good_declarations_are_still_checked()
    {
        using var output = new TempFolder();

        var engine = Run(output.Path, Item("a.json", ("Severity", "Fatal")), Item("b.json", ("Sha256", "123")), Item("c.json"));

        Assert.Equal(["error PS1001", "error PS1005", "error PS1005"], engine.Codes);
    }

    [Fact]
    public void Bad_default_protected_items_are_skipped_silently()
    {
        using var output = new TempFolder();

        var engine = Run(output.Path, Item("../shared/appsettings.json", ("PathSafetyAutoProtectedFrom", "../shared/appsettings.json")));

        Assert.Empty(engine.Codes);
    }

    [Fact]
    public void A_folder_in_place_of_the_file_is_PS1005()
    {
        using var output = new TempFolder();
        Directory.CreateDirectory(output.Combine("appsettings.json"));

        var error = Assert.Single(Run(output.Path, Item("appsettings.json")).Errors);

        Assert.Equal("PS1005", error.Code);
        Assert.Contains("names a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_symbolic_link_is_a_missing_file()
    {
        using var output = new TempFolder();
        try
        {
            File.CreateSymbolicLink(output.Combine("appsettings.json"), output.Combine("gone.json"));
        }
        catch (IOException)
        {
            // Windows without developer mode cannot create links; the case is covered where the OS allows it.
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        var error = Assert.Single(Run(output.Path, Item("appsettings.json")).Errors);

        Assert.Equal("PS1001", error.Code);
    }

    [Fact]
    public void A_symbolic_link_to_a_real_file_passes()
    {
        using var output = new TempFolder();
        var target = output.Write("real.json");
        try
        {
            File.CreateSymbolicLink(output.Combine("appsettings.json"), target);
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        Assert.Empty(Run(output.Path, Item("appsettings.json")).Codes);
    }

    [Theory]
    [InlineData("konfigürasyon/ayarlar.json")]
    [InlineData("設定/アプリ.config")]
    [InlineData("Привет мир/appsettings.Production.json")]
    [InlineData("emoji-😀.json")]
    public void Non_ASCII_names_are_found_and_reported_by_name(string name)
    {
        using var output = new TempFolder();
        output.Write(name);

        Assert.Empty(Run(output.Path, Item(name)).Codes);

        var error = Assert.Single(Run(output.Path, Item(name + ".missing")).Errors);
        Assert.Equal("PS1001", error.Code);
        Assert.Contains(name + ".missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_paths_are_checked_without_an_exception()
    {
        using var output = new TempFolder();
        var deep = string.Join("/", Enumerable.Repeat(new string('d', 200), 30)) + "/appsettings.json";

        var engine = Run(output.Path, Item(deep));

        Assert.Equal(["error PS1001"], engine.Codes);
    }

    [Fact]
    public void A_case_difference_on_a_case_sensitive_file_system_is_explained()
    {
        using var output = new TempFolder();
        output.Write("appsettings.json");
        if (File.Exists(output.Combine("AppSettings.json")))
        {
            // Case-insensitive file system: the file is found, which is what the application would see too.
            Assert.Empty(Run(output.Path, Item("AppSettings.json")).Codes);
            return;
        }

        var error = Assert.Single(Run(output.Path, Item("AppSettings.json")).Errors);

        Assert.Equal("PS1001", error.Code);
        Assert.Contains("holds 'appsettings.json', which differs only in case", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_folder_property_is_PS1005(string folder)
    {
        var error = Assert.Single(Run(folder, Item("appsettings.json")).Errors);
        Assert.Equal("PS1005", error.Code);
    }

    [Fact]
    public void An_unknown_target_is_PS1005()
    {
        using var output = new TempFolder();
        var task = Create(output.Path, Item("appsettings.json"));
        task.Target = "Deploy";

        var error = Assert.Single(Run(task).Errors);

        Assert.Contains("Unknown verification target 'Deploy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_failure_is_PS1005_not_an_exception()
    {
        // A folder path with a NUL character makes the runtime throw; the task must report it, not crash MSBuild.
        var task = Create("out\0put", Item("appsettings.json"));
        task.WriteManifest = true;

        var error = Assert.Single(Run(task).Errors);

        Assert.Equal("PS1005", error.Code);
        Assert.Contains("PathSafety could not verify the protected files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_items_and_null_metadata_arrays_are_tolerated()
    {
        using var output = new TempFolder();
        output.Write("appsettings.json");
        var task = Create(output.Path, null!, Item("appsettings.json"));
        task.CopiedFiles = null!;
        task.WrittenFiles = [null!];
        task.ProjectItems = null!;
        task.PublishFiles = null;

        Assert.Empty(Run(task).Codes);
    }

    public static TheoryData<string> GeneratedBadDeclarations()
    {
        var data = new TheoryData<string>();
        var random = new Random(6);
        string[] prefixes = ["/", @"\", "C:/", @"D:\", @"\\server\share\", "../", @"..\", "a/../../", "./../"];
        string[] names = ["appsettings.json", "config/w.json", "web.config", "ü/ß.json", "x"];
        foreach (var prefix in prefixes)
        {
            foreach (var name in names)
            {
                data.Add(prefix + name);
            }
        }

        const string invalid = "<>:\"|?*\0\u0001\u001f\t\n\r";
        foreach (var c in invalid)
        {
            foreach (var name in names)
            {
                data.Add(name.Insert(random.Next(name.Length + 1), c.ToString()));
            }
        }

        for (var i = 0; i < 200; i++)
        {
            // A valid-looking path with one poison part at a random place.
            var builder = new StringBuilder();
            var segments = random.Next(1, 5);
            for (var s = 0; s < segments; s++)
            {
                builder.Append(RandomSegment(random)).Append(random.Next(2) == 0 ? '/' : '\\');
            }

            string[] poison = ["..", "con", "nul.json", "trailing.", "space ", new string('p', 256), "*", "?", ":", "|"];
            var bad = builder.ToString().TrimEnd('/', '\\').Split('/', '\\').ToList();
            bad.Insert(random.Next(bad.Count + 1), poison[i % poison.Length]);
            var path = string.Join("/", bad);
            if (poison[i % poison.Length] == "..")
            {
                // '..' only escapes when it climbs above the start.
                path = string.Concat(Enumerable.Repeat("../", bad.Count + 1)) + path;
            }

            data.Add(path);
        }

        data.Add(string.Empty);
        data.Add("/");
        data.Add("//");
        data.Add("..");
        data.Add(".");
        data.Add("dir/");
        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedBadDeclarations))]
    public void Generated_bad_declarations_are_always_PS1005_and_never_throw(string spec)
    {
        using var output = new TempFolder();

        var engine = Run(output.Path, Item(spec.Length == 0 ? " " : spec));

        Assert.Equal(["error PS1005"], engine.Codes);
    }

    private static string RandomSegment(Random random)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.üß設定";
        var length = random.Next(1, 12);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars).Trim('.') is { Length: > 0 } s ? s : "seg";
    }
}
