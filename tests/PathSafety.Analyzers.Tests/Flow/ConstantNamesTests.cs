using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>Constant relative names joined to a folder stay inside it: GetFullPath with a base, loops over constant arrays.</summary>
public class ConstantNamesTests
{
    [Fact]
    public async Task GetFullPath_of_a_constant_relative_name_against_a_base_is_contained()
    {
        await Verify(
            """
            File.Delete(Path.GetFullPath("cache/index.json", root));
            Directory.Delete(Path.GetFullPath("work", AppContext.BaseDirectory), true);
            var full = Path.GetFullPath("state.bin", root);
            File.Delete(full);
            """);
    }

    [Theory]
    [InlineData("\"../other\"")]
    [InlineData("\"/etc\"")]
    [InlineData("\"C:/Windows\"")]
    [InlineData("name")]
    public async Task GetFullPath_of_a_name_that_can_leave_the_base_is_not_contained(string relative)
    {
        await Verify(
            $$"""{|#0:Directory.Delete(Path.GetFullPath({{relative}}, root), true)|};""",
            PS0003(0, "Directory.Delete", $"Path.GetFullPath({relative}, root)"));
    }

    [Fact]
    public async Task Loop_over_a_constant_array_of_safe_names_joined_to_a_folder_is_contained()
    {
        await Verify(
            """
            foreach (var d in new[] { "Content/logos", "old" })
            {
                var target = Path.Combine(path, d);
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, true);
                }
            }

            var oldFiles = new string[] { "a.txt", "defs/b.yml" };
            foreach (var f in oldFiles)
            {
                File.Delete(Path.Combine(path, f));
            }
            """);
    }

    [Fact]
    public async Task Loops_over_arrays_that_can_name_another_folder_are_not_contained()
    {
        await Verify(
            """
            foreach (var up in new[] { "logs", "../config" })
            {
                {|#0:Directory.Delete(Path.Combine(path, up), true)|};
            }

            foreach (var mixed in new[] { "logs", name })
            {
                {|#1:File.Delete(Path.Combine(path, mixed))|};
            }

            var changed = new[] { "a.txt" };
            changed[0] = name;
            foreach (var c in changed)
            {
                {|#2:File.Delete(Path.Combine(path, c))|};
            }

            var shared = new[] { "a.txt" };
            Array.Reverse(shared);
            foreach (var s in shared)
            {
                {|#3:File.Delete(Path.Combine(path, s))|};
            }

            foreach (var r in new[] { "a.txt" })
            {
                var x = r;
                x = name;
                {|#4:File.Delete(Path.Combine(path, x))|};
            }
            """,
            PS0003(0, "Directory.Delete", "Path.Combine(path, up)"),
            PS0002(1, "File.Delete", "Path.Combine(path, mixed)"),
            PS0002(2, "File.Delete", "Path.Combine(path, c)"),
            PS0002(3, "File.Delete", "Path.Combine(path, s)"),
            PS0002(4, "File.Delete", "Path.Combine(path, x)"));
    }
}
