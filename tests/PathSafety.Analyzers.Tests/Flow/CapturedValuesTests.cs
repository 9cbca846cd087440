using static PathSafety.Analyzers.Tests.Rules.Deletes.UnguardedDeleteTests;

namespace PathSafety.Analyzers.Tests.Flow;

/// <summary>
/// A local function's captured local or parameter that the method's own body reassigns: what it holds at each plain
/// call of the function decides, when nothing else can run the function later (docs/guards.md, section 1).
/// </summary>
public class CapturedValuesTests
{
    [Fact]
    public async Task A_value_reassigned_to_a_constant_tail_before_every_call_is_contained_in_the_function()
    {
        await Verify(
            """
            path = Path.Combine(path, "probe.tmp");
            Cleanup();
            try
            {
                File.WriteAllText(path, "");
            }
            finally
            {
                Cleanup();
            }

            var target = name;
            target = Path.Combine(root, "state.json");
            if (flag) Remove();

            void Cleanup()
            {
                File.Delete(path);
            }

            void Remove() => File.Delete(target);
            """);
    }

    [Fact]
    public async Task A_call_where_the_value_is_not_contained_or_a_later_run_is_reported()
    {
        await Verify(
            """
            void Early() => {|#0:File.Delete(path)|};
            Early();
            path = Path.Combine(path, "a.tmp");
            Early();

            name = Path.Combine(name, "b.tmp");
            void Back() => {|#1:File.Delete(name)|};
            Back();
            name = paths[0];
            Back();

            root = Path.Combine(root, "c.tmp");
            void AsDelegate() => {|#2:File.Delete(root)|};
            Action later = AsDelegate;
            later();

            var fromLambda = Path.Combine(root, "d.tmp");
            fromLambda = Path.Combine(fromLambda, "e.tmp");
            void InLambda() => {|#3:File.Delete(fromLambda)|};
            Action run = () => InLambda();
            run();

            var self = Path.Combine(root, "f.tmp");
            self = Path.Combine(self, "g.tmp");
            void WritesItself()
            {
                {|#4:File.Delete(self)|};
                self = name;
            }

            WritesItself();
            WritesItself();
            """,
            PS0002(0, "File.Delete", "path"),
            PS0002(1, "File.Delete", "name"),
            PS0002(2, "File.Delete", "root"),
            PS0002(3, "File.Delete", "fromLambda"),
            PS0002(4, "File.Delete", "self"));
    }

    [Fact]
    public async Task A_function_that_runs_after_its_call_returns_is_reported()
    {
        await Verify(
            """
            var pending = Path.Combine(root, "a.tmp");
            pending = Path.Combine(pending, "b.tmp");
            async System.Threading.Tasks.Task DeleteLater()
            {
                await System.Threading.Tasks.Task.Yield();
                {|#0:File.Delete(pending)|};
            }

            _ = DeleteLater();
            pending = name;

            var lazy = Path.Combine(root, "c.tmp");
            lazy = Path.Combine(lazy, "d.tmp");
            System.Collections.Generic.IEnumerable<int> DeleteLazily()
            {
                {|#1:File.Delete(lazy)|};
                yield return 0;
            }

            var deleting = DeleteLazily();
            lazy = name;
            deleting.ToList();

            var inner = Path.Combine(root, "e.tmp");
            inner = Path.Combine(inner, "f.tmp");
            void Nested()
            {
                Action act = () => {|#2:File.Delete(inner)|};
                act();
            }

            Nested();
            """,
            PS0002(0, "File.Delete", "pending"),
            PS0002(1, "File.Delete", "lazy"),
            PS0002(2, "File.Delete", "inner"));
    }
}
