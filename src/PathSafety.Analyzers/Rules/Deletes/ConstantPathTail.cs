using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// The trailing path parts of a value that are known at compile time: 'Path.Combine(dir, "config", "widgets.json")'
/// ends in ["config", "widgets.json"] whatever 'dir' is. Follows constants, Path.Combine/Join/GetFullPath,
/// concatenation, interpolation, locals written once, static readonly fields with a constant initializer,
/// and 'new FileInfo(path)' / 'info.FullName'.
/// </summary>
internal static class ConstantPathTail
{
    private const int MaxDepth = 6;

    /// <summary>The known trailing parts, file or folder name last; empty when nothing is known.</summary>
    public static IReadOnlyList<string> Resolve(IOperation value, KnownSymbols known)
    {
        var text = Suffix(value, known, MaxDepth);
        return Split(text.Text, text.Complete);
    }

    /// <summary>
    /// Splits a known suffix into parts. When the text is only a suffix of the real path, its first part
    /// may be cut ('...ig/widgets.json'), so it is dropped unless a separator precedes it.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, bool complete)
    {
        var parts = new List<string>();
        var pieces = text.Split('/', '\\');
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            if ((i == 0 && !complete) || piece.Length == 0 || piece == ".")
            {
                continue;
            }

            if (piece == "..")
            {
                // 'a/../b' is 'b'; a '..' above the known part leaves only what follows it known.
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }

                continue;
            }

            parts.Add(piece);
        }

        return parts;
    }

    private static KnownText Suffix(IOperation? operation, KnownSymbols known, int depth)
    {
        if (operation is null || depth == 0)
        {
            return KnownText.Unknown;
        }

        operation = operation.WithoutConversions();
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return new KnownText(constant, complete: true);
        }

        switch (operation)
        {
            case IInvocationOperation invocation when IsCombineOrJoin(invocation, known, out var isCombine):
                return CombineSuffix(invocation, isCombine, known, depth);
            case IInvocationOperation invocation when known.IsGetFullPath(invocation):
                return FullPathSuffix(Suffix(invocation.Arguments[0].Value, known, depth - 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concat(Suffix(binary.LeftOperand, known, depth - 1), Suffix(binary.RightOperand, known, depth - 1));
            case IInterpolatedStringOperation interpolated:
                return InterpolatedSuffix(interpolated, known, depth);
            case ILocalReferenceOperation local:
                return Suffix(LocalAssignments.TryGetSingleValue(local), known, depth - 1);
            case IFieldReferenceOperation field:
                return Suffix(ReadonlyFieldInitializer(field), known, depth - 1);
            case IObjectCreationOperation creation when IsInfo(creation.Type, known) && creation.Arguments.Length > 0:
                return Suffix(creation.Arguments[0].Value, known, depth - 1);
            case IPropertyReferenceOperation { Property.Name: "FullName" } property when IsInfo(property.Instance?.Type, known):
                return Suffix(property.Instance, known, depth - 1);
            default:
                return KnownText.Unknown;
        }
    }

    private static KnownText CombineSuffix(IInvocationOperation invocation, bool isCombine, KnownSymbols known, int depth)
    {
        var segments = PathSegments.Of(invocation);
        var result = new KnownText(string.Empty, complete: true);
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var segment = Suffix(segments[i], known, depth - 1);
            if (segment.Complete && segment.Text.Length == 0)
            {
                // Combine and Join skip empty segments.
                continue;
            }

            result = result.Text.Length == 0 ? segment : Concat(segment, new KnownText("/" + result.Text, result.Complete));
            if (!segment.Complete || (isCombine && PathText.IsRootedOnAnyPlatform(segment.Text)))
            {
                // Either nothing more is known, or Combine drops every earlier segment.
                return result;
            }
        }

        return result;
    }

    private static KnownText InterpolatedSuffix(IInterpolatedStringOperation interpolated, KnownSymbols known, int depth)
    {
        var result = new KnownText(string.Empty, complete: true);
        for (var i = interpolated.Parts.Length - 1; i >= 0; i--)
        {
            var part = interpolated.Parts[i] switch
            {
                IInterpolatedStringTextOperation text => Suffix(text.Text, known, depth - 1),
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Suffix(hole.Expression, known, depth - 1),
                _ => KnownText.Unknown,
            };
            result = Concat(part, result);
            if (!result.Complete)
            {
                return result;
            }
        }

        return result;
    }

    // GetFullPath puts the current directory before a relative path: its parts stay whole, its start is unknown.
    private static KnownText FullPathSuffix(KnownText inner)
        => inner.Complete && !PathText.IsRootedOnAnyPlatform(inner.Text) ? new KnownText("/" + inner.Text, complete: false) : inner;

    private static KnownText Concat(KnownText left, KnownText right)
        => right.Complete ? new KnownText(left.Text + right.Text, left.Complete) : right;

    private static bool IsCombineOrJoin(IInvocationOperation invocation, KnownSymbols known, out bool isCombine)
    {
        isCombine = known.IsPathMethod(invocation.TargetMethod, "Combine");
        return isCombine || known.IsPathMethod(invocation.TargetMethod, "Join");
    }

    private static bool IsInfo(ITypeSymbol? type, KnownSymbols known)
        => type is not null
           && (SymbolEqualityComparer.Default.Equals(type, known.FileInfo) || SymbolEqualityComparer.Default.Equals(type, known.DirectoryInfo));

    /// <summary>'static readonly string Name = "appsettings.json";' declared in the same file.</summary>
    private static IOperation? ReadonlyFieldInitializer(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (!field.IsReadOnly || field.Type.SpecialType != SpecialType.System_String || reference.SemanticModel is null)
        {
            return null;
        }

        foreach (var declaration in field.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree == reference.Syntax.SyntaxTree
                && declaration.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                return reference.SemanticModel.GetOperation(initializer);
            }
        }

        return null;
    }

    /// <summary>A string known at its end; <see cref="Complete"/> when it is known from its start too.</summary>
    private readonly struct KnownText
    {
        public static readonly KnownText Unknown = new KnownText(string.Empty, complete: false);

        public KnownText(string text, bool complete)
        {
            Text = text;
            Complete = complete;
        }

        public string Text { get; }

        public bool Complete { get; }

    }
}
