using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PathSafety.Build;

/// <summary>
/// Verifies that protected files are in an output folder (or in the list of files to publish), not empty,
/// and match their pinned SHA-256. Never throws: any failure becomes a PS1005 error with the reason.
/// </summary>
public sealed class VerifyProtectedFiles : Task
{
    /// <summary>Declared (ProtectedFile) and default-protected items; the item spec is the output-relative path.</summary>
    [Required]
    public ITaskItem[] ProtectedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The folder checked: $(OutDir) or $(PublishDir).</summary>
    [Required]
    public string Folder { get; set; } = string.Empty;

    /// <summary>Build (default), PublishList or PublishDirectory.</summary>
    public string Target { get; set; } = nameof(VerificationTarget.BuildOutput);

    /// <summary>Where errors point: the project file.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>Items the build copies to the folder, with TargetPath metadata (to explain a missing file).</summary>
    public ITaskItem[] CopiedFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>FileWrites: full paths the build wrote (to explain a missing file).</summary>
    public ITaskItem[] WrittenFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Content and None items with TargetPath, CopyToOutputDirectory and CopyToPublishDirectory.</summary>
    public ITaskItem[] ProjectItems { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>ResolvedFileToPublish items, with RelativePath metadata; required for the publish checks.</summary>
    public ITaskItem[]? PublishFiles { get; set; }

    /// <summary>
    /// _FilesToBundle items, with RelativePath metadata: with PublishSingleFile the SDK moves these out of
    /// ResolvedFileToPublish and writes them into the single-file bundle, so they are published, not missing.
    /// </summary>
    public ITaskItem[] BundledFiles { get; set; } = Array.Empty<ITaskItem>();

    public bool TreatWarningsAsErrors { get; set; }

    public string WarningsAsErrors { get; set; } = string.Empty;

    public string WarningsNotAsErrors { get; set; } = string.Empty;

    public string NoWarn { get; set; } = string.Empty;

    /// <summary>CI mode: Severity="Warning" findings are raised to errors.</summary>
    public bool EscalateWarnings { get; set; }

    public bool WriteManifest { get; set; }

    /// <summary>Defaults to pathsafety.manifest.json in <see cref="Folder"/>.</summary>
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The manifest written, for FileWrites.</summary>
    [Output]
    public ITaskItem? Manifest { get; set; }

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception exception)
        {
            // MSB4018 would show a stack trace and no hint; one error with the reason is enough.
            var finding = BuildMessages.PS1005TaskFailed.Create(ProtectedFileSeverity.Error, Folder, exception.GetType().Name, exception.Message);
            LogFinding(finding, WarningPolicy.Default);
        }

        return !Log.HasLoggedErrors;
    }

    private void Run()
    {
        if (!TryParseTarget(Target, out var target))
        {
            LogFinding(BuildMessages.PS1005UnknownTarget.Create(ProtectedFileSeverity.Error, Target), WarningPolicy.Default);
            return;
        }

        if (string.IsNullOrWhiteSpace(Folder))
        {
            LogFinding(BuildMessages.PS1005NoFolder.Create(ProtectedFileSeverity.Error), WarningPolicy.Default);
            return;
        }

        var policy = new WarningPolicy(TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors, NoWarn, EscalateWarnings);
        var files = ReadDeclarations(policy);
        if (files.Count == 0 && !WriteManifest)
        {
            return;
        }

        var folder = FromProject(Folder);
        var inventory = ReadInventory(folder);
        foreach (var finding in ProtectedFileVerifier.Verify(files, folder, target, inventory))
        {
            LogFinding(finding, policy);
        }

        if (WriteManifest && target != VerificationTarget.PublishList)
        {
            var manifestPath = string.IsNullOrWhiteSpace(ManifestPath) ? Path.Combine(folder, ManifestWriter.FileName) : ManifestPath;
            TextOutput.WriteIfChanged(manifestPath, ManifestWriter.Build(files, folder));
            Manifest = new TaskItem(manifestPath);
        }
    }

    private List<ProtectedFileDeclaration> ReadDeclarations(WarningPolicy policy) =>
        ProtectedFileDeclaration.ReadAll(
            ProtectedFiles,
            (spec, problem) => LogFinding(BuildMessages.PS1005InvalidDeclaration.Create(ProtectedFileSeverity.Error, spec, problem), policy));

    private OutputInventory ReadInventory(string folder)
    {
        var inventory = new OutputInventory();
        foreach (var item in CopiedFiles ?? Array.Empty<ITaskItem>())
        {
            inventory.AddCopied(item?.GetMetadata("TargetPath"));
        }

        var prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder : folder
            + Path.DirectorySeparatorChar;
        foreach (var item in WrittenFiles ?? Array.Empty<ITaskItem>())
        {
            if (string.IsNullOrEmpty(item?.ItemSpec))
            {
                continue;
            }

            // FileWrites mixes full paths and paths relative to the project ($(OutDir) is usually relative).
            var written = FromProject(item!.ItemSpec);
            if (written.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                inventory.AddCopied(written.Substring(prefix.Length));
            }
        }

        foreach (var item in ProjectItems ?? Array.Empty<ITaskItem>())
        {
            if (item != null)
            {
                inventory.AddProjectItem(item.GetMetadata("TargetPath"),
                    new ProjectItemCopy(item.ItemSpec, item.GetMetadata("CopyToOutputDirectory"), item.GetMetadata("CopyToPublishDirectory")));
            }
        }

        if (PublishFiles != null)
        {
            inventory.MarkPublishListKnown();
            foreach (var item in PublishFiles)
            {
                inventory.AddPublished(item?.GetMetadata("RelativePath"));
            }

            foreach (var item in BundledFiles ?? Array.Empty<ITaskItem>())
            {
                inventory.AddBundled(item?.GetMetadata("RelativePath"));
            }
        }

        return inventory;
    }

    /// <summary>
    /// A full path for <paramref name="path"/>, relative paths taken from the project's folder: MSBuild runs tasks
    /// with the project folder as current directory today, but nothing here should depend on that.
    /// </summary>
    private string FromProject(string path)
    {
        var projectDirectory = string.IsNullOrEmpty(ProjectFile) ? null : Path.GetDirectoryName(ProjectFile);
        var rooted = Path.IsPathRooted(path) || string.IsNullOrEmpty(projectDirectory) ? path : Path.Combine(projectDirectory, path);
        return Path.GetFullPath(rooted);
    }

    private void LogFinding(Finding finding, WarningPolicy policy)
    {
        var helpLink = BuildCheckIds.GetHelpUri(finding.Code);
        var file = ProjectFile ?? string.Empty;
        switch (policy.Decide(finding.Code, finding.Severity))
        {
            case ReportLevel.Error:
                Log.LogError(null, finding.Code, finding.Code, helpLink, file, 0, 0, 0, 0, "{0}", finding.Message);
                break;
            case ReportLevel.Warning:
                Log.LogWarning(null, finding.Code, finding.Code, helpLink, file, 0, 0, 0, 0, "{0}", finding.Message);
                break;
            default:
                Log.LogMessage(MessageImportance.Low, BuildMessages.SuppressedFinding, finding.Code, finding.Message);
                break;
        }
    }

    private static bool TryParseTarget(string? value, out VerificationTarget target)
    {
        switch ((value ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "":
            case "BUILD":
            case "BUILDOUTPUT":
                target = VerificationTarget.BuildOutput;
                return true;
            case "PUBLISHLIST":
                target = VerificationTarget.PublishList;
                return true;
            case "PUBLISH":
            case "PUBLISHDIRECTORY":
                target = VerificationTarget.PublishDirectory;
                return true;
            default:
                target = VerificationTarget.BuildOutput;
                return false;
        }
    }
}
