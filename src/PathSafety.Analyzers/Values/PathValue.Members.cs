using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Values;

/// <summary>Values kept in fields and properties or returned by helpers of the compilation.</summary>
internal sealed partial class PathValue
{
    private PathValueInfo FromField(IFieldReferenceOperation reference, int depth, ImmutableHashSet<ILocalSymbol> following)
        => PathConstants.TryGetReadOnlyLiteral(reference.Field, out var text, out var writtenAt)
            ? FromText(text, reference, writtenAt)
            : FromMember(reference, reference.Field, depth, following);

    /// <summary>
    /// A field, property or helper of the compilation (<see cref="MemberValues"/>): relative when every value it can
    /// hold is; when code outside its type can set it, a relative initial value is relative only while it is kept.
    /// </summary>
    private PathValueInfo FromMember(IOperation reference, ISymbol member, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        // One value that is neither relative nor absolute settles the member as unknown: try the initializer before
        // reading every write of the member's type.
        if (depth < MaxDepth && _members.InitialValue(member, reference.SemanticModel) is { } initial
            && Classify(initial, depth + 1, following).Kind is not (PathValueKind.Relative or PathValueKind.Absolute))
        {
            return PathValueInfo.Unknown;
        }

        var set = _members.Of(member, reference.SemanticModel);
        if (set.Values.IsEmpty || depth >= MaxDepth)
        {
            return PathValueInfo.Unknown;
        }

        PathValueInfo? relative = null;
        var allRelative = true;
        var allAbsolute = true;
        foreach (var value in set.Values)
        {
            var info = Classify(value, depth + 1, following);
            if (info.IsRelativeOnSomePath)
            {
                relative ??= info;
            }

            allRelative &= info.Kind == PathValueKind.Relative;
            allAbsolute &= info.Kind == PathValueKind.Absolute;
        }

        if (!set.Complete)
        {
            return allRelative && relative is not null
                ? relative.OnlyWhen("when " + Describe(reference) + " keeps its initial value")
                : PathValueInfo.Unknown;
        }

        // Writes in a type have no order PathSafety follows ('static readonly string Dir = "tmp";' rewritten by the
        // static constructor), so a member with relative and other values is not judged.
        if (allRelative && relative is not null)
        {
            return relative;
        }

        return allAbsolute ? PathValueInfo.Absolute : PathValueInfo.Unknown;
    }
}
