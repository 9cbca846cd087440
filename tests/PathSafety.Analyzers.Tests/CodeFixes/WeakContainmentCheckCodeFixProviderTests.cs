using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Rules.ContainmentChecks;
using PathSafety.Analyzers.Tests.Verifiers;
using PathSafety.CodeFixes;
using static PathSafety.Analyzers.Tests.Rules.ContainmentChecks.WeakContainmentCheckAnalyzerTests;

namespace PathSafety.Analyzers.Tests.CodeFixes;

public class WeakContainmentCheckCodeFixProviderTests
{
    /// <summary>What the trailing-separator fix appends to a root.</summary>
    private const string Separated = ".TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar";

    private static Task VerifyFix(string body, string fixedBody, string equivalenceKey, DiagnosticResult[] expected,
        DiagnosticResult[]? remaining = null)
    {
        var test = new FixTest<WeakContainmentCheckAnalyzer, WeakContainmentCheckCodeFixProvider>(Wrap(body), Wrap(fixedBody), expected)
        {
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? []);
        return test.RunAsync();
    }

    [Fact]
    public async Task Appends_the_separator_to_the_root()
    {
        await VerifyFix(
            """
            var full = Path.GetFullPath(path);
            if (!{|#0:full.StartsWith(root, StringComparison.Ordinal)|}) return;
            File.Delete(full);
            if ({|#1:full.StartsWith(flag ? root : name, StringComparison.Ordinal)|}) File.Delete(full);
            if ({|#2:full.StartsWith("/srv/app", StringComparison.Ordinal)|}) File.Delete(full);
            """,
            $"""
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root{Separated}, StringComparison.Ordinal)) return;
            File.Delete(full);
            if (full.StartsWith((flag ? root : name){Separated}, StringComparison.Ordinal)) File.Delete(full);
            if (full.StartsWith("/srv/app" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) File.Delete(full);
            """,
            "PS0007.TrailingSeparator",
            [PS0007(0, MissingIngredient.TrailingSeparator), PS0007(1, MissingIngredient.TrailingSeparator),
                PS0007(2, MissingIngredient.TrailingSeparator)]);
    }

    [Fact]
    public async Task Wraps_the_path_in_GetFullPath()
    {
        await VerifyFix(
            """
            if (!{|#0:path.StartsWith(Root, StringComparison.Ordinal)|}) return;
            File.Delete(path);
            """,
            """
            if (!Path.GetFullPath(path).StartsWith(Root, StringComparison.Ordinal)) return;
            File.Delete(path);
            """,
            "PS0007.Normalize",
            [PS0007(0, MissingIngredient.Normalization)]);
    }

    [Fact]
    public async Task Adds_or_corrects_the_ordinal_comparison_with_fix_all()
    {
        await VerifyFix(
            """
            var full = Path.GetFullPath(path);
            if ({|#0:full.StartsWith(Root)|}) File.Delete(full);
            if ({|#1:full.StartsWith(Root, StringComparison.CurrentCultureIgnoreCase)|}) File.Delete(full);
            if ({|#2:full.StartsWith(Root, StringComparison.InvariantCulture)|}) File.Delete(full);
            """,
            """
            var full = Path.GetFullPath(path);
            if (full.StartsWith(Root, StringComparison.Ordinal)) File.Delete(full);
            if (full.StartsWith(Root, StringComparison.OrdinalIgnoreCase)) File.Delete(full);
            if (full.StartsWith(Root, StringComparison.Ordinal)) File.Delete(full);
            """,
            "PS0007.Ordinal",
            [PS0007(0, MissingIngredient.OrdinalComparison), PS0007(1, MissingIngredient.OrdinalComparison),
                PS0007(2, MissingIngredient.OrdinalComparison)]);
    }

    [Fact]
    public async Task Each_fix_leaves_the_other_ingredients_reported()
    {
        await VerifyFix(
            """
            if ({|#0:path.StartsWith(root)|}) File.Delete(path);
            """,
            """
            if (path.StartsWith(root, StringComparison.Ordinal)) File.Delete(path);
            """,
            "PS0007.Ordinal",
            [PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison)],
            [new DiagnosticResult(DiagnosticDescriptors.WeakContainmentCheck)
                .WithSpan(10, 13, 10, 60)
                .WithArguments(ContainmentCheckIngredients.Describe(MissingIngredient.TrailingSeparator | MissingIngredient.Normalization))]);
    }

    [Fact]
    public async Task Combined_fix_adds_every_missing_ingredient()
    {
        await VerifyFix(
            """
            if ({|#0:path.StartsWith(root)|}) File.Delete(path);
            if ({|#1:path.StartsWith(name, StringComparison.InvariantCultureIgnoreCase)|}) File.Delete(path);
            """,
            $"""
            if (Path.GetFullPath(path).StartsWith(root{Separated}, StringComparison.Ordinal)) File.Delete(path);
            if (Path.GetFullPath(path).StartsWith(name{Separated}, StringComparison.OrdinalIgnoreCase)) File.Delete(path);
            """,
            "PS0007.All",
            [
                PS0007(0, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison),
                PS0007(1, MissingIngredient.TrailingSeparator | MissingIngredient.Normalization | MissingIngredient.OrdinalComparison),
            ]);
    }

    [Fact]
    public async Task The_fix_is_the_same_text_on_frameworks_without_TrimEndingDirectorySeparator()
    {
        var test = new FixTest<WeakContainmentCheckAnalyzer, WeakContainmentCheckCodeFixProvider>(
            Wrap(
                """
                var full = Path.GetFullPath(path);
                if ({|#0:full.StartsWith(root, StringComparison.Ordinal)|}) File.Delete(full);
                """),
            Wrap(
                $"""
                var full = Path.GetFullPath(path);
                if (full.StartsWith(root{Separated}, StringComparison.Ordinal)) File.Delete(full);
                """),
            PS0007(0, MissingIngredient.TrailingSeparator))
        {
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
        };
        await test.RunAsync();
    }
}
