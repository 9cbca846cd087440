using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using PathSafety.Build;

namespace PathSafety.Tool;

/// <summary>pathsafety verify: the manifest read and checked by PathSafety.Build, printed for people or as JSON.</summary>
internal static class VerifyCommand
{
    public static int Run(VerifyOptions options, TextWriter output, TextWriter error)
    {
        var folder = Path.GetFullPath(options.Folder);
        var manifestPath = Path.GetFullPath(options.Manifest ?? Path.Combine(folder, ManifestWriter.FileName));

        // A missing folder is the worst finding, not a usage error: report it even when its manifest went with it.
        if (!Directory.Exists(folder))
        {
            var gone = new FolderProblem(string.Empty, folder, FileCondition.Missing, BuildMessages.Text(BuildMessages.FolderMissing, folder));
            return Report(options, folder, manifestPath, null, [gone], output, error);
        }

        ProtectedFileManifest manifest;
        try
        {
            if (!File.Exists(manifestPath))
            {
                throw new InvalidManifestException(BuildMessages.Text(BuildMessages.ManifestMissing, manifestPath));
            }

            manifest = ManifestReader.ReadFile(manifestPath);
        }
        catch (InvalidManifestException exception)
        {
            if (options.Json)
            {
                WriteJson(output, writer => writer.WriteString("error", exception.Message));
            }
            else
            {
                error.WriteLine(BuildMessages.Text(ToolMessages.Error, exception.Message));
            }

            return ExitCodes.BadInput;
        }

        return Report(options, folder, manifestPath, manifest, FolderVerifier.Verify(manifest, folder), output, error);
    }

    private static int Report(
        VerifyOptions options,
        string folder,
        string manifestPath,
        ProtectedFileManifest? manifest,
        List<FolderProblem> problems,
        TextWriter output,
        TextWriter error)
    {
        var count = manifest?.Files.Count ?? 0;
        var version = manifest?.PackageVersion ?? ToolMessages.UnknownVersion;
        if (options.Json)
        {
            WriteJson(output, writer =>
            {
                writer.WriteString("folder", folder);
                writer.WriteString("manifest", manifestPath);
                writer.WriteString("packageVersion", manifest?.PackageVersion);
                writer.WriteNumber("files", count);
                writer.WriteBoolean("ok", problems.Count == 0);
                writer.WriteStartArray("problems");
                foreach (var problem in problems)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", problem.RelativePath);
                    writer.WriteString("fullPath", problem.FullPath);
                    writer.WriteString("condition", JsonNamingPolicy.CamelCase.ConvertName(problem.Condition.ToString()));
                    writer.WriteString("message", problem.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
        }
        else if (problems.Count == 0)
        {
            output.WriteLine(BuildMessages.Text(ToolMessages.Sound, count, folder, manifestPath, version));
        }
        else
        {
            foreach (var problem in problems)
            {
                output.WriteLine(problem.Message);
            }

            if (manifest != null)
            {
                error.WriteLine(BuildMessages.Text(ToolMessages.Summary, problems.Count, count, folder, manifestPath));
            }
        }

        return problems.Count == 0 ? ExitCodes.Sound : ExitCodes.Problems;
    }

    private static void WriteJson(TextWriter output, System.Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: paths stay readable ('/srv/app/it's.json', not \u0027).
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
