using System.Globalization;

namespace PathSafety.Build;

/// <summary>A reported message: its code and its text as a composite format string.</summary>
internal sealed class MessageFormat
{
    public MessageFormat(string code, string format)
    {
        Code = code;
        Format = format;
    }

    public string Code { get; }

    public string Format { get; }

    public Finding Create(ProtectedFileSeverity severity, params object[] arguments) =>
        new Finding(Code, severity, BuildMessages.Text(Format, arguments));
}

/// <summary>
/// Every text the build tasks report, in one table, so wording stays consistent and reviewable in one place.
/// Findings carry their code; the parts below them (descriptions, folders, likely causes, reasons a declaration is
/// invalid) are only ever placed into a finding's text.
/// </summary>
internal static class BuildMessages
{
    public static readonly MessageFormat PS1001MissingFromBuildOutput = new MessageFormat(
        BuildCheckIds.MissingFromBuildOutput,
        "{0} is missing from {1}. Likely cause: {2}.");
    public static readonly MessageFormat PS1002MissingFromPublishOutput = new MessageFormat(
        BuildCheckIds.MissingFromPublishOutput,
        "{0} is missing from {1}. Likely cause: {2}.");
    public static readonly MessageFormat PS1003Empty = new MessageFormat(
        BuildCheckIds.EmptyFile,
        "{0} is empty in '{1}'. A truncated configuration file is as bad as a missing one; set AllowEmpty=\"true\" if empty is intended.");
    public static readonly MessageFormat PS1004HashMismatch = new MessageFormat(
        BuildCheckIds.HashMismatch,
        "{0} in '{1}' has SHA-256 {2}, not the pinned {3}.");
    public static readonly MessageFormat PS1005NamesFolder = new MessageFormat(
        BuildCheckIds.InvalidDeclaration,
        "{0} names a folder in '{1}', not a file.");
    public static readonly MessageFormat PS1005InvalidDeclaration = new MessageFormat(
        BuildCheckIds.InvalidDeclaration,
        "Invalid ProtectedFile '{0}': {1}.");
    public static readonly MessageFormat PS1005UnknownTarget = new MessageFormat(
        BuildCheckIds.InvalidDeclaration,
        "Unknown verification target '{0}'; expected Build, PublishList or PublishDirectory.");
    public static readonly MessageFormat PS1005NoFolder = new MessageFormat(
        BuildCheckIds.InvalidDeclaration,
        "No folder to verify: the output folder property is empty.");
    public static readonly MessageFormat PS1005SourceNotWritten = new MessageFormat(
        BuildCheckIds.InvalidDeclaration,
        "PathSafety could not write the protected-file list '{0}': {1}: {2}");
    public static readonly MessageFormat PS1005TaskFailed = new MessageFormat(
        BuildCheckIds.InvalidDeclaration,
        "PathSafety could not verify the protected files in '{0}': {1}: {2}");

    /// <summary>Low-importance log lines (no code: they are not findings).</summary>
    public const string SuppressedFinding = "{0} (suppressed by NoWarn): {1}";
    public const string CollectFailed = "PathSafety could not collect the protected files: {0}: {1}";

    // How a file is named in a finding.
    public const string DeclaredFile = "Protected file '{0}'";
    public const string AutoProtectedFile = "Protected file '{0}' (protected by default as a configuration file, from '{1}')";

    // Which folder a missing file is missing from.
    public const string BuildOutputFolder = "the build output folder '{0}'";
    public const string PublishListFolder = "the files to publish to '{0}'";
    public const string PublishFolder = "the publish folder '{0}'";

    // Likely causes of a missing file.
    public const string CauseBrokenLink = "it is a symbolic link whose target does not exist";
    public const string CauseCaseVariant = "the folder holds '{0}', which differs only in case, and the file system is case-sensitive";
    public const string CauseRemovedAfterPublishCopy = "it was in the list of files to publish and was removed after the copy";
    public const string CauseRemovedAfterCopy =
        "it was copied to the output and then removed by a later step (a target that runs after the copy, or a post-build script)";
    public const string CauseItemNotCopied = "the project item '{0}' is not copied to the output (CopyToOutputDirectory is {1})";
    public const string CauseNoItemCopies =
        "no item copies it to the output (add CopyToOutputDirectory=\"PreserveNewest\" to the item that holds it)";
    public const string CauseExcludedFromPublish = "CopyToPublishDirectory is {0} on the project item '{1}'";
    public const string CauseRemovedFromPublishList =
        "it is copied to the build output but is not among the files to publish (a step removed it from ResolvedFileToPublish)";
    public const string CauseNoItemPublishes = "no item copies it to the publish folder";
    public const string CopyModeNotSet = "not set";
    public const string PublishModeNotSet = "not set and CopyToOutputDirectory is not set either";

    // Why a protected path or declaration is invalid (placed into PS1005InvalidDeclaration).
    public const string PathEmpty = "the path is empty";
    public const string PathAbsolute = "the path is absolute; declare it relative to the output folder (for example 'appsettings.json')";
    public const string PathWildcard = "the path holds a wildcard that matched no file in the project folder";
    public const string PathInvalidCharacter = "the path holds an invalid character {0}";
    public const string PathNamesFolder = "the path names a folder, not a file";
    public const string PathLeavesFolder = "the path leaves the output folder ('..')";
    public const string PathNamesOutputFolder = "the path names the output folder itself, not a file";
    public const string SegmentTooLong = "a segment of the path is longer than {0} characters";
    public const string SegmentTrailingDot = "the segment '{0}' ends with a dot or a space";
    public const string SegmentReservedName = "the segment '{0}' is a reserved device name on Windows";
    public const string NotBoolean = "{0}=\"{1}\" is neither 'true' nor 'false'";
    public const string NotSha256 = "Sha256=\"{0}\" is not 64 hexadecimal digits";
    public const string NotSeverity = "Severity=\"{0}\" is neither 'Error' nor 'Warning'";

    // Reading pathsafety.manifest.json (the verifier reports these and exits with 2).
    public const string ManifestInvalid = "The manifest '{0}' cannot be used: {1}";
    public const string ManifestUnreadable = "The manifest '{0}' cannot be read: {1}";
    public const string ManifestMissing =
        "There is no manifest at '{0}'. Build or publish with -p:PathSafetyWriteManifest=true, or pass --manifest <file>.";
    public const string ManifestNotJson = "it is not valid JSON ({0}); a truncated or hand-edited file?";
    public const string ManifestNotObject = "it is not a JSON object";
    public const string ManifestVersion = "\"version\" is missing or not {0}, the format this verifier reads";
    public const string ManifestPackageVersion = "\"packageVersion\" is not a string";
    public const string ManifestNoFiles = "\"files\" is missing or not a list";
    public const string ManifestDuplicate = "entry {0} lists '{1}' again (first listed as entry {2})";
    public const string ManifestEntryNotObject = "entry {0} is not an object";
    public const string ManifestEntryNoPath = "entry {0} has no \"path\" string";
    public const string ManifestEntryBadPath = "entry {0} ('{1}'): {2}";
    public const string ManifestEntryBadField = "entry {0} ('{1}'): \"{2}\" must be {3}";
    public const string JsonAt = "{0} at character {1}";
    public const string JsonTruncated = "the text ends too early";
    public const string JsonTrailingText = "text follows the end of the document";
    public const string JsonExpected = "expected {0}";
    public const string JsonUnexpected = "unexpected text";
    public const string JsonDuplicateKey = "the property \"{0}\" appears twice";
    public const string JsonControlCharacter = "a control character inside a string";

    // A deployed folder's problems (the verifier's lines; the embedded ProtectedFiles class words them the same way).
    public const string FolderMissing = "The folder '{0}' does not exist.";
    public const string FileMissing = "'{0}' is missing.";
    public const string FileIsFolder = "'{0}' is a folder, not a file.";
    public const string FileBrokenLink = "'{0}' is a symbolic link whose target does not exist.";
    public const string FileEmpty = "'{0}' is empty.";
    public const string FileChanged = "'{0}' has changed: its SHA-256 is {1}, the build pinned {2}.";

    /// <summary>Formats with the invariant culture: a build log must not depend on the machine's locale.</summary>
    public static string Text(string format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}
