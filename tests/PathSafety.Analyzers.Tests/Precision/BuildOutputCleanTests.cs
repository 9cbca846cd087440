namespace PathSafety.Analyzers.Tests.Precision;

/// <summary>
/// Build scripts (Cake, Nuke, Bullseye, plain console build programs): clean targets delete artifacts and bin/obj
/// folders. A folder built from a known root and a constant name is safe; a folder taken from a context object is
/// exactly what PS0003 exists for.
/// </summary>
public class BuildOutputCleanTests
{
    private const string Context = """
        sealed class BuildContext
        {
            public string RootDirectory { get; init; } = "";
            public string ArtifactsFolder { get; init; } = "";
        }
        """;

    [Fact]
    public async Task Artifacts_folder_from_the_build_context_is_PS0003()
    {
        await AllRulesTest.VerifyAsync(Context + """
            static class Clean
            {
                public static void OnExecute(BuildContext context)
                {
                    if (System.IO.Directory.Exists(context.ArtifactsFolder))
                        {|PS0003:System.IO.Directory.Delete(context.ArtifactsFolder, recursive: true)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Constant_named_folders_under_the_root_are_silent()
    {
        await AllRulesTest.VerifyAsync(Context + """
            static class CleanTask
            {
                public static void Run(BuildContext context)
                {
                    var artifacts = System.IO.Path.Combine(context.RootDirectory, "artifacts");
                    if (System.IO.Directory.Exists(artifacts)) System.IO.Directory.Delete(artifacts, true);
                    var results = System.IO.Path.Combine(context.RootDirectory, "TestResults");
                    if (System.IO.Directory.Exists(results)) System.IO.Directory.Delete(results, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Bin_and_obj_folders_found_by_exact_name_are_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;
            using System.Linq;

            static class CleanCommand
            {
                public static void Execute(string sourceRoot)
                {
                    foreach (var d in Directory.GetDirectories(sourceRoot, "bin", SearchOption.AllDirectories))
                        Directory.Delete(d, true);
                    foreach (var d in Directory.GetDirectories(sourceRoot, "obj", SearchOption.AllDirectories))
                        Directory.Delete(d, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Every_subfolder_of_the_output_is_PS0004()
    {
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class CleanOutputStep
            {
                public static void Run(string output)
                {
                    foreach (var d in Directory.GetDirectories(output))
                        {|PS0004:Directory.Delete(d, recursive: true)|};
                    foreach (var f in new DirectoryInfo(output).GetFiles())
                        {|PS0004:f.Delete()|};
                }
            }
            """);
    }

    [Fact]
    public async Task Relative_artifacts_folder_is_PS0001_not_PS0003()
    {
        // Build scripts run from wherever the CI agent starts them; a relative constant names no known folder, which
        // is PS0001's finding (anchor it); no containment guard would fix it, so PS0003 does not repeat it.
        await AllRulesTest.VerifyAsync("""
            using System.IO;

            static class BuildCleaner
            {
                public static void Clean()
                {
                    if (Directory.Exists({|PS0001:"artifacts"|}))
                        Directory.Delete({|PS0001:"artifacts"|}, true);
                }
            }
            """);
    }

    [Fact]
    public async Task Recreating_a_folder_anchored_at_the_script_location_is_silent()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class CleanTarget
            {
                public static void EnsureCleanDirectory()
                {
                    var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", ".."));
                    var publish = Path.Combine(root, "publish");
                    if (Directory.Exists(publish)) Directory.Delete(publish, true);
                    Directory.CreateDirectory(publish);
                }
            }
            """);
    }

    [Fact]
    public async Task Parent_segment_in_the_combined_folder_is_PS0003()
    {
        await AllRulesTest.VerifyAsync("""
            using System;
            using System.IO;

            static class DeploymentSteps
            {
                public static void RemoveSibling()
                {
                    var baseDir = AppContext.BaseDirectory;
                    {|PS0003:Directory.Delete(Path.Combine(baseDir, "..", "previous"), true)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Top_level_build_script_deleting_a_parameter_folder_is_PS0003()
    {
        await AllRulesTest.VerifyProgramAsync("""
            using System;
            using System.IO;

            var output = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "out");
            if (Directory.Exists(output)) {|PS0003:Directory.Delete(output, true)|};
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "version.txt"), "1.0");
            """);
    }
}
