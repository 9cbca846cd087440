using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>Flow: on every path to the delete, the deleted value passed a guard and was not reassigned.</summary>
public class GuardFlowTests
{
    [Fact]
    public async Task Early_return_on_a_failed_prefix_check_guards()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return;
            }

            File.Delete(full);
            """);
    }

    [Fact]
    public async Task Throw_continue_and_break_leave_the_failing_path()
    {
        await Verify(
            """
            var first = Path.GetFullPath(path);
            if (!first.StartsWith(root, StringComparison.Ordinal)) throw new InvalidOperationException();
            File.Delete(first);
            foreach (var candidate in paths)
            {
                var full = Path.GetFullPath(candidate);
                if (!full.StartsWith(root, StringComparison.Ordinal)) continue;
                File.Delete(full);
            }

            while (true)
            {
                var full = Path.GetFullPath(name);
                if (!full.StartsWith(root, StringComparison.Ordinal)) break;
                Directory.Delete(full, true);
            }
            """);
    }

    [Fact]
    public async Task Success_branch_enclosing_the_delete_guards_and_else_branch_does_not()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (full.StartsWith(root, StringComparison.Ordinal))
            {
                File.Delete(full);
            }
            else
            {
                {|#0:File.Delete(full)|};
            }
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Guard_in_a_branch_that_does_not_dominate_the_delete_does_not_count()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (flag)
            {
                if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            }

            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Guard_then_reassignment_does_not_count()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            full = name;
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Reassignment_in_a_branch_kills_the_guard_where_paths_meet()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            if (flag) full += ".bak";
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Guard_on_another_variable_does_not_count()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));
    }

    [Fact]
    public async Task And_chains_guard_on_the_success_path()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (flag && full.StartsWith(root, StringComparison.Ordinal) && name.Length > 0)
            {
                File.Delete(full);
            }

            if (flag && !full.StartsWith(root, StringComparison.Ordinal))
            {
                {|#0:File.Delete(full)|};
            }
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Or_chain_of_failures_that_returns_guards()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (name.Length == 0 || !full.StartsWith(root, StringComparison.Ordinal)) return;
            File.Delete(full);
            """);
    }

    [Fact]
    public async Task Or_chain_where_the_guard_may_be_skipped_does_not_guard()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (flag || full.StartsWith(root, StringComparison.Ordinal))
            {
                {|#0:File.Delete(full)|};
            }
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Bool_local_holding_the_check_is_the_condition()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            var inside = full.StartsWith(root, StringComparison.Ordinal);
            if (!inside) return;
            File.Delete(full);
            var outside = !full.StartsWith(root, StringComparison.Ordinal);
            if (outside) throw new InvalidOperationException();
            File.Delete(full);
            """);
    }

    [Fact]
    public async Task Discarded_check_is_not_a_guard()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            _ = full.StartsWith(root, StringComparison.Ordinal);
            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Guard_before_try_holds_in_try_and_finally()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            try
            {
                File.Delete(full);
            }
            catch (IOException)
            {
                File.Delete(full);
            }
            finally
            {
                Directory.Delete(full, true);
            }
            """);
    }

    [Fact]
    public async Task Guard_inside_try_does_not_hold_in_finally()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            try
            {
                if (!full.StartsWith(root, StringComparison.Ordinal)) return;
                File.Delete(full);
            }
            finally
            {
                {|#0:Directory.Delete(full, true)|};
            }
            """,
            PS0003(0, "Directory.Delete", "full"));
    }

    [Fact]
    public async Task Loop_with_the_guard_inside_guards_each_iteration_but_not_after_the_loop()
    {
        await Verify(
            """
            var full = "";
            foreach (var candidate in paths)
            {
                full = Path.GetFullPath(candidate);
                if (!full.StartsWith(root, StringComparison.Ordinal)) continue;
                File.Delete(full);
            }

            {|#0:File.Delete(full)|};
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Loop_that_reassigns_after_the_delete_is_not_guarded_on_the_back_edge()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            for (var i = 0; i < 3; i++)
            {
                {|#0:File.Delete(full)|};
                full = name;
            }
            """,
            PS0002(0, "File.Delete", "full"));
    }

    [Fact]
    public async Task Lambda_and_local_function_bodies_are_analysed_on_their_own()
    {
        await Verify(
            """
            Action early = () => {|#0:File.Delete(path)|};
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            Action<string> inner = p =>
            {
                var f = Path.GetFullPath(p);
                if (!f.StartsWith(root, StringComparison.Ordinal)) return;
                File.Delete(f);
            };
            Action<string> unguarded = p => {|#1:File.Delete(p)|};
            Local(full);
            Guarded(full);

            void Local(string target) => {|#2:File.Delete(target)|};

            void Guarded(string target)
            {
                if (!Path.GetFullPath(target).StartsWith(root, StringComparison.Ordinal)) return;
                File.Delete(target);
            }
            """,
            PS0002(0, "File.Delete", "path"),
            PS0002(1, "File.Delete", "p"),
            PS0002(2, "File.Delete", "target"));
    }

    [Fact]
    public async Task Captured_value_guarded_before_the_lambda_and_never_reassigned_is_guarded()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            Action delete = () => File.Delete(full);
            Func<Action> nested = () => () => Directory.Delete(full, true);
            System.Threading.Tasks.Task.Run(() => File.Delete(full));
            Action localGuard = () => { };
            foreach (var candidate in paths)
            {
                var each = Path.GetFullPath(candidate);
                if (!each.StartsWith(root, StringComparison.Ordinal)) continue;
                System.Threading.Tasks.Task.Run(() => File.Delete(each));
            }
            """);
    }

    [Fact]
    public async Task Captured_value_reassigned_anywhere_is_not_guarded_in_the_lambda()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            Action delete = () => {|#0:File.Delete(full)|};
            full = name;
            delete();
            var other = Path.GetFullPath(name);
            if (!other.StartsWith(root, StringComparison.Ordinal)) return;
            Action change = () => other = path;
            Action use = () => {|#1:File.Delete(other)|};
            """,
            PS0002(0, "File.Delete", "full"),
            PS0002(1, "File.Delete", "other"));
    }

    [Fact]
    public async Task FileInfo_held_in_a_local_is_traced_to_its_path()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            var info = new FileInfo(full);
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            info.Delete();
            var other = new FileInfo(path);
            {|#0:other.Delete()|};
            var dir = new DirectoryInfo(full);
            dir.Delete(recursive: true);
            dir?.Delete(true);
            {|#1:other?.Delete()|};
            """,
            PS0002(0, "FileInfo.Delete", "other"),
            PS0002(1, "FileInfo.Delete", "other"));
    }

    [Fact]
    public async Task Exists_null_empty_length_and_age_checks_are_not_guards()
    {
        await Verify(
            """
            if (!File.Exists(path)) return;
            {|#0:File.Delete(path)|};
            if (string.IsNullOrEmpty(name) || name == "" || name.Length < 3) return;
            {|#1:File.Delete(name)|};
            if (File.GetLastWriteTimeUtc(root) > DateTime.UtcNow.AddDays(-7)) return;
            {|#2:Directory.Delete(root, true)|};
            if (Directory.Exists(root)) {|#3:Directory.Delete(root, recursive: true)|};
            """,
            PS0002(0, "File.Delete", "path"),
            PS0002(1, "File.Delete", "name"),
            PS0003(2, "Directory.Delete", "root"),
            PS0003(3, "Directory.Delete", "root"));
    }

    [Fact]
    public async Task Pattern_comparisons_with_bool_constants_are_conditions()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            if (full.StartsWith(root, StringComparison.Ordinal) is false) return;
            File.Delete(full);
            var second = Path.GetFullPath(name);
            if (second.StartsWith(root, StringComparison.Ordinal) is not true) return;
            File.Delete(second);
            if (second.StartsWith(root, StringComparison.Ordinal) is true) return;
            {|#0:File.Delete(path)|};
            """,
            PS0002(0, "File.Delete", "path"));
    }

    [Fact]
    public async Task Switch_goto_nested_loops_and_using_follow_execution()
    {
        await Verify(
            """
            var queue = new System.Collections.Generic.Queue<string>(paths);
            while (queue.TryDequeue(out var next))
            {
                var full = Path.GetFullPath(next);
                switch (name)
                {
                    case "skip":
                        continue;
                    case "check":
                        if (!full.StartsWith(root, StringComparison.Ordinal)) goto done;
                        break;
                    default:
                        {|#0:File.Delete(full)|};
                        continue;
                }

                for (var i = 0; i < 2; i++)
                {
                    foreach (var other in paths)
                    {
                        if (other.Length == i) break;
                        using (var stream = File.OpenRead(full))
                        {
                            File.Delete(full);
                        }
                    }
                }
            }

            done:
            {|#1:File.Delete(name)|};
            """,
            PS0002(0, "File.Delete", "full"),
            PS0002(1, "File.Delete", "name"));
    }

    [Fact]
    public async Task Copies_made_after_the_check_carry_the_guard_and_copies_made_before_do_not()
    {
        await Verify(
            """
            var full = Path.GetFullPath(path);
            var early = full;
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            var target = full;
            File.Delete(target);
            {|#0:File.Delete(early)|};
            """,
            PS0002(0, "File.Delete", "early"));
    }
}
