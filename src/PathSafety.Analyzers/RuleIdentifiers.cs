namespace PathSafety.Analyzers;

/// <summary>Every rule ID the analyzers report. Build-time checks (PS1001+) live in PathSafety.Build.</summary>
internal static class RuleIdentifiers
{
    public const string RelativePath = "PS0001";
    public const string UnguardedDelete = "PS0002";
    public const string UnguardedRecursiveDelete = "PS0003";
    public const string BroadEnumerationDelete = "PS0004";
    public const string RootedPathCombineSegment = "PS0005";
    public const string ProtectedFileDelete = "PS0006";
    public const string WeakContainmentCheck = "PS0007";

    /// <summary>Docs live beside the code so a help link always matches the rule text of its release.</summary>
    public const string DocsBaseUrl = "https://github.com/PathSafety/PathSafety/blob/main/docs/";

    public static string GetHelpUri(string id) => DocsBaseUrl + "rules/" + id + ".md";
}
