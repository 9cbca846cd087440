using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>What a hand-written containment check lacks (PS0007); the letters are the and the code fixes'.</summary>
[Flags]
internal enum MissingIngredient
{
    None = 0,

    /// <summary>(a) the root side of a prefix check is not known to end with a directory separator.</summary>
    TrailingSeparator = 1,

    /// <summary>(b) the checked path is not normalized with Path.GetFullPath first.</summary>
    Normalization = 2,

    /// <summary>(c) the comparison is culture-sensitive.</summary>
    OrdinalComparison = 4,

    /// <summary>(d) a Contains("..") filter is the only check.</summary>
    ContainmentCheck = 8,

    /// <summary>(e) Path.GetFullPath(path, root) is taken for containment.</summary>
    RootIgnored = 16,
}

/// <summary>
/// Judges the ingredients of a containment check from the operations alone: a root is known to end with a
/// separator when every value it can hold visibly does ('"/srv/app/"', 'root + Path.DirectorySeparatorChar',
/// '$"{root}/"', a local assigned only such values); a path is normalized when it comes from
/// Path.GetFullPath, FileSystemInfo.FullName or a guard that returns the path (for the checked local: every
/// value that reaches the check).
/// </summary>
internal static class ContainmentCheckIngredients
{
    public const string PropertyName = "Missing";

    private const int MaxDepth = 4;

    public static string ToLetters(MissingIngredient missing)
    {
        var letters = string.Empty;
        if ((missing & MissingIngredient.TrailingSeparator) != 0)
        {
            letters += "a";
        }

        if ((missing & MissingIngredient.Normalization) != 0)
        {
            letters += "b";
        }

        if ((missing & MissingIngredient.OrdinalComparison) != 0)
        {
            letters += "c";
        }

        if ((missing & MissingIngredient.ContainmentCheck) != 0)
        {
            letters += "d";
        }

        if ((missing & MissingIngredient.RootIgnored) != 0)
        {
            letters += "e";
        }

        return letters;
    }

    public static string Describe(MissingIngredient missing)
    {
        var parts = new List<string>();
        if ((missing & MissingIngredient.TrailingSeparator) != 0)
        {
            parts.Add("the root is not known to end with a directory separator ('/srv/app-old/x' passes a check against '/srv/app')");
        }

        if ((missing & MissingIngredient.Normalization) != 0)
        {
            parts.Add("the path is not normalized with Path.GetFullPath first ('root/../appsettings.json' passes)");
        }

        if ((missing & MissingIngredient.OrdinalComparison) != 0)
        {
            parts.Add("the comparison is culture-sensitive (it ignores soft hyphens and zero-width spaces); use StringComparison.Ordinal");
        }

        if ((missing & MissingIngredient.ContainmentCheck) != 0)
        {
            parts.Add("a '..' filter is the only check (an absolute path contains no '..')");
        }

        if ((missing & MissingIngredient.RootIgnored) != 0)
        {
            parts.Add("Path.GetFullPath(path, root) is not a containment check (an absolute path ignores root)");
        }

        return string.Join("; ", parts);
    }

    /// <summary>StartsWith(string), a culture StringComparison, or (string, bool, CultureInfo).</summary>
    public static bool IsCultureSensitive(IInvocationOperation startsWith)
    {
        var parameters = startsWith.TargetMethod.Parameters;
        if (parameters.Length == 1)
        {
            return parameters[0].Type.SpecialType == SpecialType.System_String;
        }

        if (parameters.Length == 3)
        {
            return true;
        }

        foreach (var argument in startsWith.Arguments)
        {
            if (argument.Parameter?.Type.TypeKind == TypeKind.Enum && argument.Value.ConstantValue is { HasValue: true, Value: int comparison })
            {
                // CurrentCulture, CurrentCultureIgnoreCase, InvariantCulture, InvariantCultureIgnoreCase.
                return comparison <= 3;
            }
        }

        return false;
    }

    /// <summary>
    /// Every value <paramref name="root"/> can hold visibly ends with a separator. With <paramref name="followHelpers"/>,
    /// a call to a string helper of the compilation counts when the helper's every returned value does
    /// (<see cref="SeparatorHelpers"/>, which judges those values without following helpers).
    /// </summary>
    public static bool EndsWithSeparator(IOperation? root, KnownSymbols known, AssignmentTable locals, int depth = 0, bool followHelpers = true)
    {
        root = root?.WithoutConversions();
        if (root is null || depth > MaxDepth)
        {
            return false;
        }

        switch (root.ConstantValue)
        {
            case { HasValue: true, Value: string text }:
                return text.Length > 0 && PathText.IsSeparator(text[text.Length - 1]);
            case { HasValue: true, Value: char c }:
                return PathText.IsSeparator(c);
        }

        switch (root)
        {
            case IFieldReferenceOperation field:
                return field.Field.Name is "DirectorySeparatorChar" or "AltDirectorySeparatorChar"
                       && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, known.Path);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                return EndsWithSeparator(add.RightOperand, known, locals, depth + 1, followHelpers);
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                var last = interpolated.Parts[interpolated.Parts.Length - 1];
                return last switch
                {
                    IInterpolatedStringTextOperation text => EndsWithSeparator(text.Text, known, locals, depth + 1, followHelpers),
                    IInterpolationOperation interpolation => EndsWithSeparator(interpolation.Expression, known, locals, depth + 1, followHelpers),
                    _ => false,
                };
            case IInvocationOperation { TargetMethod.Name: "Concat", Arguments.Length: > 0 } concat
                when concat.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                return EndsWithSeparator(concat.Arguments[concat.Arguments.Length - 1].Value, known, locals, depth + 1, followHelpers);
            case IInvocationOperation temp when known.IsPathMethod(temp.TargetMethod, "GetTempPath"):
                // Documented to end with a separator.
                return true;
            case IInvocationOperation { Arguments.Length: 1 } full when known.IsPathMethod(full.TargetMethod, "GetFullPath"):
                // GetFullPath keeps a trailing separator ('/srv/app/logs/../' is '/srv/app/'), on every platform.
                return EndsWithSeparator(full.Arguments[0].Value, known, locals, depth + 1, followHelpers);
            case IInvocationOperation helper when followHelpers:
                return SeparatorHelpers.ReturnsSeparatorTerminated(helper, known);
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return IsEnsuredSeparator(conditional, known, locals, depth, followHelpers);
            case ILocalReferenceOperation local when locals.TryGetAppendedBefore(local.Local, local.Syntax.SpanStart, out var appended):
                return EndsWithSeparator(appended, known, locals, depth + 1, followHelpers);
            case IParameterReferenceOperation parameter
                when locals.TryGetAppendedBefore(parameter.Parameter, parameter.Syntax.SpanStart, out var appended):
                return EndsWithSeparator(appended, known, locals, depth + 1, followHelpers);
            case ILocalReferenceOperation local:
                return locals.All(local.Local, value => EndsWithSeparator(value, known, locals, depth + 1, followHelpers));
            default:
                return false;
        }
    }

    /// <summary>
    /// 'root.EndsWith(sep) ? root : root + sep' or 'Path.EndsInDirectorySeparator(root) ? root : root + sep' (the test
    /// must be for a separator: 'root.EndsWith("x") ? root : root + sep' keeps 'root' whatever it ends with), or both
    /// branches ending with a separator.
    /// </summary>
    private static bool IsEnsuredSeparator(IConditionalOperation conditional, KnownSymbols known, AssignmentTable locals, int depth,
        bool followHelpers)
    {
        var whenTrue = conditional.WhenTrue;
        var whenFalse = conditional.WhenFalse!;
        if (EndsWithSeparator(whenTrue, known, locals, depth + 1, followHelpers)
            && EndsWithSeparator(whenFalse, known, locals, depth + 1, followHelpers))
        {
            return true;
        }

        var condition = conditional.Condition.WithoutConversions();
        var negated = false;
        if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            condition = not.Operand.WithoutConversions();
            negated = true;
        }

        if (SeparatorTested(condition, known, locals, depth) is not { } checkedRoot)
        {
            return false;
        }

        var (kept, extended) = negated ? (whenFalse, whenTrue) : (whenTrue, whenFalse);
        var checkedSymbol = ContainmentGuards.SymbolOf(checkedRoot);
        return checkedSymbol is not null
               && SymbolEqualityComparer.Default.Equals(ContainmentGuards.SymbolOf(kept), checkedSymbol)
               && EndsWithSeparator(extended, known, locals, depth + 1, followHelpers);
    }

    /// <summary>The value a condition tests for a trailing separator: 'x.EndsWith(sep)' or 'Path.EndsInDirectorySeparator(x)'.</summary>
    private static IOperation? SeparatorTested(IOperation condition, KnownSymbols known, AssignmentTable locals, int depth)
    {
        if (condition is not IInvocationOperation { Arguments.Length: > 0 } test)
        {
            return null;
        }

        if (test.TargetMethod.Name == "EndsWith" && test.Instance is { } instance)
        {
            return EndsWithSeparator(test.Arguments[0].Value, known, locals, depth + 1, followHelpers: false) ? instance : null;
        }

        return known.IsPathMethod(test.TargetMethod, "EndsInDirectorySeparator") ? test.Arguments[0].Value : null;
    }

    public static bool IsNormalized(IOperation? path, ContainmentGuards guards, AssignmentTable locals, int depth = 0)
    {
        path = path?.WithoutConversions();
        if (path is null || depth > MaxDepth)
        {
            return false;
        }

        switch (path)
        {
            case IInvocationOperation call:
                return guards.Known.IsPathMethod(call.TargetMethod, "GetFullPath")
                       || guards.Known.IsPathMethod(call.TargetMethod, "GetTempFileName")
                       || guards.Methods.TryGetGuardCall(call, out _) == GuardMethodKind.ReturnsPath;
            case IPropertyReferenceOperation property:
                return property.Property.Name == "FullName" && guards.IsInfoType(property.Instance?.Type);
            case ILocalReferenceOperation local when depth == 0 && ReachingValues(local) is { } reaching:
                return reaching.TrueForAll(value => IsNormalized(value, guards, locals, depth + 1));
            case ILocalReferenceOperation local:
                return locals.All(local.Local, value => IsNormalized(value, guards, locals, depth + 1));
            default:
                return false;
        }
    }

    /// <summary>
    /// The values that reach the check's read of the local by the method's control flow: a write after the check
    /// ('full = Path.Combine(full, freeName)') does not make the checked value unnormalized; one in a loop around
    /// the check does. Null when flow cannot tell (then every value the local is assigned counts).
    /// </summary>
    private static List<IOperation>? ReachingValues(ILocalReferenceOperation read)
        => LocalAssignments.TryGetAllAssignedValues(read, out var all) && LocalAssignments.TryGetReachingValues(read, all, out var reaching)
            ? reaching
            : null;
}
