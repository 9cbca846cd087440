namespace PathSafety.Tool;

/// <summary>
/// The tool's own texts (usage, command line, summaries). What a manifest or a file problem is called comes from
/// PathSafety.Build's message table, shared with the build check.
/// </summary>
internal static class ToolMessages
{
    public const string Usage = """
        Usage: pathsafety verify <folder> [--manifest <file>] [--json]

          Checks that every protected file listed in the manifest (default: <folder>/pathsafety.manifest.json, written by
          a build or publish with -p:PathSafetyWriteManifest=true) is present in <folder>, not empty and, when pinned,
          unchanged.

          --manifest <file>  the manifest to check against (for example a copy kept outside the deployed folder)
          --json             one JSON document on standard output instead of text

        Exit codes: 0 every file is sound; 1 a file or the folder is missing, empty or changed (one line per problem);
                    2 the manifest or the command line cannot be used.
        """;

    public const string Error = "pathsafety: {0}";
    public const string Unexpected = "pathsafety: unexpected error: {0}: {1}";
    public const string UnknownCommand = "pathsafety: unknown command '{0}'.";
    public const string UnknownOption = "unknown option '{0}'";
    public const string TwoFolders = "one folder only ('{0}' and '{1}' given)";
    public const string NoFolder = "no folder given";
    public const string ManifestNeedsFile = "--manifest needs a file";
    public const string Sound = "OK: {0} protected file(s) present and sound in '{1}' (manifest '{2}', PathSafety {3}).";
    public const string Summary = "pathsafety: {0} problem(s) with the {1} protected file(s) in '{2}' (manifest '{3}').";
    public const string UnknownVersion = "version not recorded";
}
