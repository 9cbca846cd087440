namespace PathSafety.Build.Tests;

public sealed class OutputRelativePathTests
{
    [Theory]
    [InlineData("appsettings.json", "appsettings.json")]
    [InlineData("config/widgets.json", "config/widgets.json")]
    [InlineData(@"config\widgets.json", "config/widgets.json")]
    [InlineData(@"config\\sub//x.json", "config/sub/x.json")]
    [InlineData("./appsettings.json", "appsettings.json")]
    [InlineData("config/../appsettings.json", "appsettings.json")]
    [InlineData("a/b/../../c.json", "c.json")]
    [InlineData("konfigürasyon/ayarlar.json", "konfigürasyon/ayarlar.json")]
    [InlineData("設定/アプリ.config", "設定/アプリ.config")]
    [InlineData(" leading space.json", " leading space.json")]
    [InlineData("web.config", "web.config")]
    public void Valid_paths_are_normalised(string raw, string expected)
    {
        Assert.True(OutputRelativePath.TryParse(raw, out var path, out var problem), problem);
        Assert.Equal(expected, path!.Value);
        Assert.Equal(string.Empty, problem);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    [InlineData("/etc/app/appsettings.json", "absolute")]
    [InlineData(@"\share\appsettings.json", "absolute")]
    [InlineData(@"\\server\share\appsettings.json", "absolute")]
    [InlineData(@"C:\app\appsettings.json", "absolute")]
    [InlineData("c:appsettings.json", "absolute")]
    [InlineData("../appsettings.json", "leaves the output folder")]
    [InlineData(@"..\appsettings.json", "leaves the output folder")]
    [InlineData("config/../../appsettings.json", "leaves the output folder")]
    [InlineData("config/*.json", "wildcard")]
    [InlineData("app?.json", "wildcard")]
    [InlineData("app<1>.json", "invalid character")]
    [InlineData("app|settings.json", "invalid character")]
    [InlineData("app\"settings.json", "invalid character")]
    [InlineData("config:stream.json", "invalid character")]
    [InlineData("app\0settings.json", "invalid character")]
    [InlineData("app\tsettings.json", "invalid character")]
    [InlineData("config/", "folder")]
    [InlineData(@"config\", "folder")]
    [InlineData(".", "output folder itself")]
    [InlineData("config/..", "output folder itself")]
    [InlineData("appsettings.json.", "ends with a dot")]
    [InlineData("config /x.json", "ends with a dot or a space")]
    [InlineData("NUL", "reserved device name")]
    [InlineData("config/con.json", "reserved device name")]
    public void Invalid_paths_are_refused_with_a_reason(string? raw, string reason)
    {
        Assert.False(OutputRelativePath.TryParse(raw, out var path, out var problem));
        Assert.Null(path);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_longer_than_file_systems_allow_is_refused()
    {
        Assert.True(OutputRelativePath.TryParse(new string('a', 255), out _, out _));
        Assert.False(OutputRelativePath.TryParse(new string('a', 256) + ".json", out _, out var problem));
        Assert.Contains("longer than 255", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_path_uses_the_platform_separator()
    {
        Assert.True(OutputRelativePath.TryParse(@"config\widgets.json", out var path, out _));
        Assert.Equal("config" + Path.DirectorySeparatorChar + "widgets.json", path!.ToNativePath());
    }
}
