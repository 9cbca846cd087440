using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PathSafety.Build;

/// <summary>
/// Collects the protected files: the ProtectedFile items plus, with <see cref="AutoProtect"/>, the configuration
/// files the project copies to its output. Also produces the lists handed to the analyzers and to Visual Studio's
/// fast up-to-date check. Runs in design-time builds, so it reports nothing: invalid declarations are left to
/// <see cref="VerifyProtectedFiles"/>, and it never fails the build.
/// </summary>
public sealed class CollectProtectedFiles : Task
{
    /// <summary>The ProtectedFile items.</summary>
    public ITaskItem[] DeclaredFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Content and None items with TargetPath (from AssignTargetPath) and CopyTo*Directory metadata.</summary>
    public ITaskItem[] ProjectItems { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>AppConfigWithTargetPath: App.config, copied as $(TargetFileName).config.</summary>
    public ITaskItem[] AppConfigFiles { get; set; } = Array.Empty<ITaskItem>();

    public bool AutoProtect { get; set; } = true;

    /// <summary>The project folder: a declared file that also exists there is an input of the up-to-date check.</summary>
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>$(OutDir): protected output paths become outputs of the up-to-date check.</summary>
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Declared and default-protected files, for <see cref="VerifyProtectedFiles"/>.</summary>
    [Output]
    public ITaskItem[] ProtectedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The valid declared paths, normalised with '/', '|'-separated (build_property.PathSafetyProtectedFiles).</summary>
    [Output]
    public string DeclaredList { get; private set; } = string.Empty;

    /// <summary>The default-protected output paths, '|'-separated (build_property.PathSafetyAutoProtectedFiles).</summary>
    [Output]
    public string AutoProtectedList { get; private set; } = string.Empty;

    [Output]
    public ITaskItem[] UpToDateCheckInputs { get; private set; } = Array.Empty<ITaskItem>();

    [Output]
    public ITaskItem[] UpToDateCheckOutputs { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception exception)
        {
            // The list is a convenience for the IDE and the analyzers; the verification reports real problems.
            Log.LogMessage(MessageImportance.Low, BuildMessages.CollectFailed, exception.GetType().Name, exception.Message);
        }

        return true;
    }

    private void Run()
    {
        var protectedFiles = new List<ITaskItem>();
        var declared = new UniqueList();
        var auto = new UniqueList();
        var inputs = new List<ITaskItem>();
        var outputs = new UniqueList();

        foreach (var item in DeclaredFiles ?? Array.Empty<ITaskItem>())
        {
            if (item is null)
            {
                continue;
            }

            protectedFiles.Add(item);
            if (OutputRelativePath.TryParse(item.ItemSpec, out var path, out _) && CanTravelToAnalyzers(path!.Value))
            {
                declared.Add(path.Value);
                outputs.Add(path.Value);
                if (AutoProtection.ExistsUnder(ProjectDirectory, path))
                {
                    inputs.Add(NewItem(item.ItemSpec));
                }
            }
        }

        if (AutoProtect)
        {
            foreach (var item in ProjectItems ?? Array.Empty<ITaskItem>())
            {
                if (item is null || !AutoProtection.IsCopiedToOutput(item.GetMetadata("CopyToOutputDirectory")))
                {
                    continue;
                }

                var targetPath = item.GetMetadata("TargetPath");
                if (AutoProtection.IsConfigurationFileName(item.ItemSpec, targetPath))
                {
                    var excludedFromPublish = string.Equals(item.GetMetadata("CopyToPublishDirectory"), "Never", StringComparison.OrdinalIgnoreCase);
                    AddAuto(item, targetPath, publish: !excludedFromPublish, protectedFiles, auto, outputs);
                    inputs.Add(NewItem(item.ItemSpec));
                }
            }

            foreach (var item in AppConfigFiles ?? Array.Empty<ITaskItem>())
            {
                if (item != null)
                {
                    AddAuto(item, item.GetMetadata("TargetPath"), publish: true, protectedFiles, auto, outputs);
                }
            }
        }

        ProtectedFiles = protectedFiles.ToArray();
        DeclaredList = declared.Join();
        AutoProtectedList = auto.Join();
        UpToDateCheckInputs = inputs.ToArray();
        UpToDateCheckOutputs = ToOutputItems(outputs);
    }

    private static void AddAuto(ITaskItem source, string targetPath, bool publish, List<ITaskItem> protectedFiles, UniqueList auto,
        UniqueList outputs)
    {
        // A target path that is not a plain relative name is skipped: it is the project's own copy, not a declaration.
        if (!OutputRelativePath.TryParse(targetPath, out var path, out _))
        {
            return;
        }

        var item = NewItem(path!.Value);
        item.SetMetadata(ProtectedFileDeclaration.AutoProtectedFromMetadata, Escape(source.ItemSpec));
        item.SetMetadata(ProtectedFileDeclaration.PublishMetadata, publish ? "true" : "false");
        protectedFiles.Add(item);

        // Names that cannot travel to the analyzers are left out of the list; the file is still verified.
        if (CanTravelToAnalyzers(path.Value))
        {
            auto.Add(path.Value);
            outputs.Add(path.Value);
        }
    }

    private ITaskItem[] ToOutputItems(UniqueList outputs)
    {
        if (string.IsNullOrEmpty(OutputDirectory))
        {
            return Array.Empty<ITaskItem>();
        }

        var items = new List<ITaskItem>();
        foreach (var path in outputs.Items)
        {
            items.Add(NewItem(Path.Combine(OutputDirectory, path)));
        }

        return items.ToArray();
    }

    /// <summary>
    /// The compiler reads build properties from a generated .editorconfig whose reader cuts a value at ';' or '#',
    /// so the lists are '|'-joined ('|' cannot occur in a Windows file name) and names holding any of them stay out.
    /// </summary>
    private static bool CanTravelToAnalyzers(string path) => path.IndexOfAny(ListBreakers) < 0;

    private static readonly char[] ListBreakers = { ';', '#', '|' };

    /// <summary>TaskItem takes MSBuild-escaped text; a file name may hold '%', ';', '@' and the like.</summary>
    private static TaskItem NewItem(string literal) => new TaskItem(Escape(literal));

    private static string Escape(string literal)
    {
        var builder = new System.Text.StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            if ("%*?@$();'".IndexOf(c) >= 0)
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Keeps the first occurrence of each path, in order.</summary>
    private sealed class UniqueList
    {
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);

        public List<string> Items { get; } = new List<string>();

        public void Add(string value)
        {
            if (_seen.Add(value))
            {
                Items.Add(value);
            }
        }

        public string Join() => string.Join("|", Items);
    }
}
