namespace PathSafety.Build
{
    /// <summary>Codes of the build-time checks (PS1001+). Analyzer rules (PS0001-PS0099) live in PathSafety.Analyzers.</summary>
    internal static class BuildCheckIds
    {
        public const string DocsBaseUrl = "https://github.com/PathSafety/PathSafety/blob/main/docs/";

        public static string GetHelpUri(string code) => DocsBaseUrl + "build/" + code + ".md";
    }
}
