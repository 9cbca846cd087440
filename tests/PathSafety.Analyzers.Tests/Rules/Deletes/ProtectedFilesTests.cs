using PathSafety.Analyzers.Rules.Deletes;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

public class ProtectedFilesTests
{
    [Fact]
    public void Defaults_are_protected_when_nothing_is_configured()
    {
        var entries = ProtectedFiles.Parse(null, null, null);

        Assert.Equal(
            ["appsettings.json", "appsettings.*.json", "web.config", "app.config", "*.dll.config", "*.exe.config"],
            entries.Select(e => e.Text));
        Assert.All(entries, e => Assert.Equal(ProtectionSource.Default, e.Source));
    }

    [Fact]
    public void Editorconfig_adds_globs_and_removes_defaults()
    {
        var entries = ProtectedFiles.Parse(" secrets.*.json , -web.config;-APP.CONFIG ,, config/x.yml ", null, null);

        Assert.Equal(
            ["secrets.*.json", "config/x.yml", "appsettings.json", "appsettings.*.json", "*.dll.config", "*.exe.config"],
            entries.Select(e => e.Text));
        Assert.Equal(ProtectionSource.EditorConfig, entries[0].Source);
    }

    [Fact]
    public void Project_items_come_first_and_keep_their_folders_whatever_the_separator()
    {
        var entries = ProtectedFiles.Parse(null, @"config\widgets.json|./keys/key.pem", "appsettings.json");

        Assert.Equal("config/widgets.json", entries[0].Text);
        Assert.Equal("widgets.json", entries[0].Name);
        Assert.Equal(["config"], entries[0].Folders.ToArray());
        Assert.Equal(ProtectionSource.ProjectItem, entries[0].Source);
        Assert.Equal("keys/key.pem", entries[1].Text);
        Assert.Equal(ProtectionSource.AutoProtected, entries[2].Source);
        Assert.Equal("appsettings.json", entries[2].Text);
    }

    [Theory]
    [InlineData("/etc/app.json")]
    [InlineData(@"C:\app\app.json")]
    [InlineData("../outside.json")]
    [InlineData("config/../../outside.json")]
    [InlineData("  ")]
    [InlineData("./")]
    public void Entries_that_cannot_be_inside_the_output_are_ignored(string text)
        => Assert.Null(ProtectedEntry.TryCreate(text, ProtectionSource.ProjectItem));

    [Theory]
    [InlineData("config/widgets.json", new[] { "config", "widgets.json" }, true)]
    [InlineData("config/widgets.json", new[] { "app", "CONFIG", "Widgets.json" }, true)]
    [InlineData("config/widgets.json", new[] { "widgets.json" }, false)]
    [InlineData("config/widgets.json", new[] { "logs", "widgets.json" }, false)]
    [InlineData("appsettings.json", new[] { "logs", "appsettings.json" }, true)]
    [InlineData("appsettings.*.json", new[] { "appsettings.Development.json" }, true)]
    [InlineData("appsettings.json", new[] { "appsettings.json.bak" }, false)]
    [InlineData("a/b/c.json", new[] { "b", "c.json" }, false)]
    [InlineData("a/b/c.json", new[] { "a", "b", "c.json" }, true)]
    public void MatchesFile_compares_names_and_the_folders_the_entry_has(string entry, string[] tail, bool expected)
        => Assert.Equal(expected, ProtectedEntry.TryCreate(entry, ProtectionSource.ProjectItem)!.MatchesFile(tail));

    [Theory]
    [InlineData("config/widgets.json", new[] { "config" }, true)]
    [InlineData("config/widgets.json", new[] { "app", "Config" }, true)]
    [InlineData("a/b/c.json", new[] { "a" }, true)]
    [InlineData("a/b/c.json", new[] { "a", "b" }, true)]
    [InlineData("a/b/c.json", new[] { "b" }, false)]
    [InlineData("config/widgets.json", new[] { "logs" }, false)]
    [InlineData("appsettings.json", new[] { "config" }, false)]
    public void IsInsideFolder_knows_which_folders_hold_the_entry(string entry, string[] tail, bool expected)
        => Assert.Equal(expected, ProtectedEntry.TryCreate(entry, ProtectionSource.ProjectItem)!.IsInsideFolder(tail));

    [Theory]
    [InlineData("appsettings.json", "*.json", true)]
    [InlineData("appsettings.json", "*.log", false)]
    [InlineData("config/widgets.json", "widgets*", true)]
    [InlineData("config/widgets.json", "gadgets*", false)]
    [InlineData("appsettings.*.json", "*.json", true)]
    [InlineData("appsettings.*.json", "appsettings.Prod*", true)]
    [InlineData("web.config", "*.con", true)]
    [InlineData("web.config", "*.cfg", false)]
    [InlineData("web.config", "*", true)]
    [InlineData("web.config", "*.CON", true)]
    [InlineData("appsettings.*.json", "*.log", false)]
    [InlineData("appsettings.json", "*.jso", true)]
    [InlineData("appsettings.json", "*.js", false)]
    [InlineData("app.config", "web.con", false)]
    [InlineData("*.dll.config", "*.config", true)]
    [InlineData("*.dll.config", "*.con", true)]
    [InlineData("*.dll.config", "backup-*", false)]
    [InlineData("*.dll.config", "*", false)]
    [InlineData("*.dll.config", "Service.dll.config", true)]
    public void CanMatchFilePattern_asks_whether_the_pattern_can_yield_the_name(string entry, string pattern, bool expected)
        => Assert.Equal(expected, ProtectedEntry.TryCreate(entry, ProtectionSource.ProjectItem)!.CanMatchFilePattern(pattern));

    [Theory]
    [InlineData("config/widgets.json", "conf*", true)]
    [InlineData("config/widgets.json", "logs", false)]
    [InlineData("appsettings.json", "*", false)]
    public void CanMatchFolderPattern_tests_the_entry_folders(string entry, string pattern, bool expected)
        => Assert.Equal(expected, ProtectedEntry.TryCreate(entry, ProtectionSource.ProjectItem)!.CanMatchFolderPattern(pattern));

    [Fact]
    public void Build_property_lists_split_on_bar_and_semicolon_but_not_on_comma()
    {
        var entries = ProtectedFiles.Parse(null, "a.json|b.json;c,d.json", null);

        Assert.Equal(["a.json", "b.json", "c,d.json"], entries.Where(e => e.Source == ProtectionSource.ProjectItem).Select(e => e.Text));
    }

    [Fact]
    public void FindFile_returns_the_most_specific_source_first()
    {
        var list = ProtectedFiles.Parse("appsettings.json", "appsettings.json", null);
        var entry = list.First(e => e.MatchesFile(["appsettings.json"]));

        Assert.Equal(ProtectionSource.ProjectItem, entry.Source);
    }
}
