using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// A folder joined by concatenation to constant text that starts with one separator (docs/guards.md, section 3): a
/// constant tail like 'Path.Combine(root, "app.pid")'.
/// </summary>
public class ConcatenatedTailsTests
{
    [Fact]
    public async Task A_separator_and_a_constant_name_after_any_folder_are_a_constant_tail()
    {
        await Verify(
            """
            File.Delete(root + "/app.pid");
            File.Delete(root.TrimEnd('/') + "/cache/index.bin");
            File.Delete(root + Path.DirectorySeparatorChar + "app.pid");
            File.Delete(root + '\\' + "app.pid");
            File.Delete($"{root}/app.pid");
            var pid = path + "/run/app.pid";
            File.Delete(pid);
            """);
    }

    [Fact]
    public async Task Tails_that_may_leave_the_folder_or_are_not_constant_are_reported()
    {
        await Verify(
            """
            {|#0:File.Delete(root + "/../app.pid")|};
            {|#1:File.Delete(root + "app.pid")|};
            {|#2:File.Delete(root + "//server/share")|};
            {|#3:File.Delete(root + "/" + name)|};
            {|#4:File.Delete($"{root}/{name}")|};
            {|#5:File.Delete(root + "/")|};
            {|#6:File.Delete(root + "/C:/x")|};
            """,
            PS0002(0, "File.Delete", "root + \"/../app.pid\""),
            PS0002(1, "File.Delete", "root + \"app.pid\""),
            PS0002(2, "File.Delete", "root + \"//server/share\""),
            PS0002(3, "File.Delete", "root + \"/\" + name"),
            PS0002(4, "File.Delete", "$\"{root}/{name}\""),
            PS0002(5, "File.Delete", "root + \"/\""),
            PS0002(6, "File.Delete", "root + \"/C:/x\""));
    }
}
