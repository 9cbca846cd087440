namespace PathSafety.Build;

/// <summary>Codes of the build-time checks (PS1001+). Analyzer rules (PS0001-PS0099) live in PathSafety.Analyzers.</summary>
internal static class BuildCheckIds
{
    public const string DocsBaseUrl = "https://github.com/PathSafety/PathSafety/blob/main/docs/";

    public const string MissingFromBuildOutput = "PS1001";
    public const string MissingFromPublishOutput = "PS1002";
    public const string EmptyFile = "PS1003";
    public const string HashMismatch = "PS1004";
    public const string InvalidDeclaration = "PS1005";

    public static string GetHelpUri(string code) => DocsBaseUrl + "build/" + code + ".md";
}
