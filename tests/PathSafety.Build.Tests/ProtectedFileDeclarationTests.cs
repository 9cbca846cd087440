namespace PathSafety.Build.Tests;

public sealed class ProtectedFileDeclarationTests
{
    private static ProtectedFileDeclaration Parse(string spec, params (string Name, string Value)[] metadata)
    {
        var map = metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.OrdinalIgnoreCase);
        Assert.True(ProtectedFileDeclaration.TryParse(spec, n => map.TryGetValue(n, out var v) ? v : string.Empty, out var declaration,
            out var problem), problem);
        return declaration!;
    }

    private static string Refuse(string spec, params (string Name, string Value)[] metadata)
    {
        var map = metadata.ToDictionary(m => m.Name, m => m.Value, StringComparer.OrdinalIgnoreCase);
        Assert.False(ProtectedFileDeclaration.TryParse(spec, n => map.TryGetValue(n, out var v) ? v : null, out var declaration, out var problem));
        Assert.Null(declaration);
        return problem;
    }

    [Fact]
    public void Defaults_are_publish_not_empty_no_pin_error()
    {
        var declaration = Parse("appsettings.json");

        Assert.True(declaration.Publish);
        Assert.False(declaration.AllowEmpty);
        Assert.Null(declaration.Sha256);
        Assert.Equal(ProtectedFileSeverity.Error, declaration.Severity);
        Assert.False(declaration.IsAutoProtected);
        Assert.Equal("appsettings.json", declaration.Declared);
    }

    [Fact]
    public void Every_metadata_is_read()
    {
        var hash = new string('A', 64);
        var declaration = Parse(@"config\widgets.json", ("Publish", "false"), ("AllowEmpty", " TRUE "), ("Sha256", hash), ("Severity", "warning"),
            ("PathSafetyAutoProtectedFrom", "widgets.json"));

        Assert.Equal("config/widgets.json", declaration.Path.Value);
        Assert.False(declaration.Publish);
        Assert.True(declaration.AllowEmpty);
        Assert.Equal(new string('a', 64), declaration.Sha256);
        Assert.Equal(ProtectedFileSeverity.Warning, declaration.Severity);
        Assert.True(declaration.IsAutoProtected);
        Assert.Equal("widgets.json", declaration.AutoProtectedFrom);
    }

    [Theory]
    [InlineData("Publish", "yes", "Publish=\"yes\" is neither")]
    [InlineData("AllowEmpty", "1", "AllowEmpty=\"1\" is neither")]
    [InlineData("Severity", "Info", "Severity=\"Info\" is neither")]
    [InlineData("Sha256", "abc", "not 64 hexadecimal digits")]
    [InlineData("Sha256", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "not 64 hexadecimal digits")]
    public void Invalid_metadata_is_refused(string name, string value, string reason)
    {
        Assert.Contains(reason, Refuse("appsettings.json", (name, value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_path_is_refused_before_metadata()
    {
        Assert.Contains("absolute", Refuse("/etc/appsettings.json", ("Severity", "Info")), StringComparison.Ordinal);
    }
}
