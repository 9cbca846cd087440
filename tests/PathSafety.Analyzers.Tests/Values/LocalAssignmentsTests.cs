using PathSafety.Analyzers.Rules.Deletes;
using PathSafety.Analyzers.Tests.Verifiers;
using static PathSafety.Analyzers.Tests.Rules.Deletes.ProtectedFileDeleteTests;

namespace PathSafety.Analyzers.Tests.Values;

/// <summary>
/// LocalAssignments looks for a local's writes only in the innermost block around its declaration. PS0006 follows
/// a local written once, so it shows whether a write outside the read's own block or statement is seen.
/// </summary>
public class LocalAssignmentsTests
{
    [Fact]
    public async Task A_local_written_once_in_a_nested_block_is_followed()
    {
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                if (name.Length > 0)
                {
                    var inner = Path.Combine(dir, "appsettings.json");
                    {|#0:File.Delete(inner)|};
                }
                """),
            PS0006(0, "File.Delete", "appsettings.json", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task A_switch_section_local_written_again_in_another_section_is_not_a_single_value()
    {
        // The local declared under 'case "a"' is in scope in every section: the second write is seen.
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                switch (name)
                {
                    case "a":
                        var target = Path.Combine(dir, "appsettings.json");
                        File.Delete(target);
                        break;
                    default:
                        target = Path.Combine(dir, "old.log");
                        File.Delete(target);
                        break;
                }

                var single = Path.Combine(dir, "web.config");
                switch (name)
                {
                    case "b":
                        {|#1:File.Delete(single)|};
                        break;
                }
                """),
            PS0006(1, "File.Delete", "web.config", ByDefault)).RunAsync();
    }

    [Fact]
    public async Task Writes_after_the_read_and_inside_lambdas_of_the_declaring_block_count()
    {
        // 'later' and 'captured' have a second write in their scope, outside the read's block: only 'once' is followed.
        await new RuleTest<UnsafeDeleteAnalyzer>(
            Wrap(
                """
                var later = Path.Combine(dir, "appsettings.json");
                if (name.Length > 0)
                {
                    File.Delete(later);
                }

                later = Path.Combine(dir, "old.log");

                var captured = Path.Combine(dir, "appsettings.json");
                Action reset = () => captured = name;
                File.Delete(captured);

                var once = Path.Combine(dir, "appsettings.json");
                Action read = () => {|#0:File.Delete(once)|};
                """),
            PS0006(0, "File.Delete", "appsettings.json", ByDefault)).RunAsync();
    }
}
