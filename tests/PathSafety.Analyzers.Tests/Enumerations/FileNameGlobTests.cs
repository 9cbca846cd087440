using PathSafety.Analyzers.Enumerations;

namespace PathSafety.Analyzers.Tests.Enumerations;

public class FileNameGlobTests
{
    [Theory]
    [InlineData("appsettings.json", "appsettings.json", true)]
    [InlineData("appsettings.json", "AppSettings.JSON", true)]
    [InlineData("appsettings.json", "appsettings.json.bak", false)]
    [InlineData("appsettings.*.json", "appsettings.Production.json", true)]
    [InlineData("appsettings.*.json", "appsettings.json", false)]
    [InlineData("*.dll.config", "Service.dll.config", true)]
    [InlineData("*.dll.config", "web.config", false)]
    [InlineData("app?.config", "app1.config", true)]
    [InlineData("app?.config", "app.config", false)]
    [InlineData("app?.config", "app12.config", false)]
    [InlineData("*", "anything", true)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXcYYb", false)]
    public void IsMatch_handles_star_question_mark_and_case(string glob, string name, bool expected)
        => Assert.Equal(expected, FileNameGlob.IsMatch(glob, name));

    [Fact]
    public void IsMatch_treats_wildcards_in_the_name_literally()
    {
        Assert.False(FileNameGlob.IsMatch("a.json", "*.json"));
        Assert.True(FileNameGlob.IsMatch("*.json", "*.json"));
    }

    [Theory]
    [InlineData("*.json", "appsettings.*.json", true)]
    [InlineData("appsettings.*.json", "*.json", true)]
    [InlineData("*.log", "appsettings.*.json", false)]
    [InlineData("widgets*", "widgets.json", true)]
    [InlineData("*.config", "*.dll.config", true)]
    [InlineData("*.xml", "*.dll.config", false)]
    [InlineData("app?.*", "appsettings.*.json", false)]
    [InlineData("appsettings.?.json", "appsettings.*.json", true)]
    [InlineData("a*", "*b", true)]
    [InlineData("a*x", "b*", false)]
    [InlineData("*", "web.config", true)]
    [InlineData("", "", true)]
    [InlineData("", "*", true)]
    [InlineData("", "?", false)]
    [InlineData("APPSETTINGS.*", "appsettings.json", true)]
    public void CanIntersect_is_true_only_when_some_name_matches_both(string first, string second, bool expected)
    {
        Assert.Equal(expected, FileNameGlob.CanIntersect(first, second));
        Assert.Equal(expected, FileNameGlob.CanIntersect(second, first));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("*.*", true)]
    [InlineData("**", true)]
    [InlineData("*.log", false)]
    [InlineData("?", false)]
    [InlineData("", false)]
    public void MatchesEverything_recognises_broad_patterns(string pattern, bool expected)
        => Assert.Equal(expected, FileNameGlob.MatchesEverything(pattern));

    [Theory]
    [InlineData("appsettings.json", "appsettings.json", true)]
    [InlineData("*.json", "appsettings.json", true)]
    [InlineData("*.log", "appsettings.json", false)]
    [InlineData("appsettings.*", "appsettings.*.json", true)]
    [InlineData("APPSETTINGS*", "appsettings.*.json", true)]
    [InlineData("*.json", "appsettings.*.json", true)]
    [InlineData("*.config", "*.dll.config", true)]
    [InlineData("*.dll.config", "*.config", false)]
    [InlineData("*settings*", "appsettings.*.json", true)]
    [InlineData("*", "*.dll.config", true)]
    [InlineData("appsettings.json", "appsettings.*.json", false)]
    [InlineData("app?settings.*", "appsettings.*.json", false)]
    public void Covers_is_true_only_when_every_name_of_the_inner_glob_matches_the_outer(string outer, string inner, bool expected)
        => Assert.Equal(expected, FileNameGlob.Covers(outer, inner));

    [Theory]
    [InlineData("*", "appsettings.*.json", true)]
    [InlineData("*.*", "appsettings.*.json", true)]
    [InlineData("*.*", "LICENSE", true)]
    [InlineData("*.json", "appsettings.*.json", true)]
    [InlineData("app*", "appsettings.*.json", true)]
    [InlineData("APPSETTINGS.*", "appsettings.*.json", true)]
    [InlineData("*settings*", "appsettings.*.json", true)]
    [InlineData("*.Production.json", "appsettings.*.json", true)]
    [InlineData("appsettings.Production.json", "appsettings.*.json", true)]
    [InlineData("*.dblock.*", "appsettings.*.json", false)]
    [InlineData("*.log", "appsettings.*.json", false)]
    [InlineData("backup-*", "appsettings.*.json", false)]
    [InlineData("*.dblock.*", "appsettings.json", false)]
    [InlineData("*.json*", "appsettings.json", true)]
    [InlineData("app?settings*", "appsettings.*.json", false)]
    [InlineData("apps?ttings*", "appsettings.*.json", true)]
    [InlineData("*.config", "*.dll.config", true)]
    [InlineData("*.dll*", "*.dll.config", true)]
    [InlineData("*.exe*", "*.dll.config", false)]
    public void CanYield_needs_the_patterns_literal_text_from_the_name_or_a_committed_ending(string pattern, string name, bool expected)
        => Assert.Equal(expected, FileNameGlob.CanYield(pattern, name));
}
