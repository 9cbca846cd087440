using PathSafety.Analyzers.Rules.Deletes;

namespace PathSafety.Analyzers.Tests.Rules.Deletes;

public class NameTestTests
{
    [Theory]
    [InlineData(nameof(NameForm.Extension), "Equals", ".log", "*.log")]
    [InlineData(nameof(NameForm.Extension), "EndsWith", "og", "*og")]
    [InlineData(nameof(NameForm.FileName), "Equals", "a.json", "a.json")]
    [InlineData(nameof(NameForm.FileName), "StartsWith", "cache-", "cache-*")]
    [InlineData(nameof(NameForm.FileName), "Contains", "tmp", "*tmp*")]
    [InlineData(nameof(NameForm.FullPath), "EndsWith", ".log", "*.log")]
    [InlineData(nameof(NameForm.FullPath), "EndsWith", "/app.json", "app.json")]
    [InlineData(nameof(NameForm.FullPath), "Equals", @"C:\app\web.config", "web.config")]
    [InlineData(nameof(NameForm.Stem), "Equals", "trace", "trace*")]
    [InlineData(nameof(NameForm.Stem), "EndsWith", "-old", "*-old*")]
    public void GlobFor_maps_each_test_to_the_names_it_is_about(string form, string test, string constant, string expected)
        => Assert.Equal(expected, NameTest.GlobFor(Enum.Parse<NameForm>(form), test, constant));
}
