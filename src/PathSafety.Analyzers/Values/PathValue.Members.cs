using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// Values kept in fields and properties or returned by helpers of the compilation. What a member holds is decided
/// once per compilation, whoever asks and from however deep a chain: its values are classified afresh (locals of the
/// asking method cannot appear in them), so the answer is the member's own and is cached.
/// </summary>
internal sealed partial class PathValue
{
    // A member whose values read a member whose values read ... : past this many, the innermost is unknown.
    private const int MaxMemberNesting = 8;

    private readonly SymbolSummaries<ISymbol, MemberPath> _memberPaths = new(MaxMemberNesting, MemberPath.Unknown);

    private PathValueInfo FromField(IFieldReferenceOperation reference, int depth, ImmutableHashSet<ILocalSymbol> following)
        => PathConstants.TryGetReadOnlyLiteral(reference.Field, out var text, out var writtenAt)
            ? FromText(text, reference, writtenAt)
            : FromMember(reference, reference.Field, depth);

    /// <summary>
    /// A field, property or helper of the compilation (<see cref="MemberValues"/>): relative when every value it can
    /// hold is; when code outside its type can set it, a relative initial value is relative only while it is kept.
    /// </summary>
    private PathValueInfo FromMember(IOperation reference, ISymbol member, int depth)
    {
        if (depth >= MaxDepth)
        {
            return PathValueInfo.Unknown;
        }

        var path = PathOf(member.OriginalDefinition, reference.SemanticModel);
        return path.Relative is { } relative && !path.Complete
            ? relative.OnlyWhen("when " + Describe(reference) + " keeps its initial value")
            : path.Info;
    }

    private MemberPath PathOf(ISymbol member, SemanticModel? atHand)
        => _memberPaths.GetOrCompute(member, (self: this, atHand), static (m, state) => state.self.ReadPath(m, state.atHand));

    /// <summary>
    /// Relative or absolute only when every value is: the first value that is neither, or an absolute value after a
    /// relative one, settles the member as unknown before the remaining writes are bound.
    /// </summary>
    private MemberPath ReadPath(ISymbol member, SemanticModel? atHand)
    {
        PathValueInfo? relative = null;
        var any = false;
        var complete = true;
        var allRelative = true;
        var allAbsolute = true;
        foreach (var step in _members.OneByOne(member, atHand))
        {
            if (step.IsUnreadable)
            {
                return MemberPath.Unknown;
            }

            if (step.Value is not { } value)
            {
                complete = false;
                continue;
            }

            any = true;
            var info = Classify(value, 1, ImmutableHashSet<ILocalSymbol>.Empty);
            if (info.IsRelativeOnSomePath)
            {
                relative ??= info;
            }

            allRelative &= info.Kind == PathValueKind.Relative;
            allAbsolute &= info.Kind == PathValueKind.Absolute;
            if (!allRelative && !allAbsolute)
            {
                return MemberPath.Unknown;
            }
        }

        if (!any)
        {
            return MemberPath.Unknown;
        }

        // Writes in a type have no order PathSafety follows ('static readonly string Dir = "tmp";' rewritten by the
        // static constructor), so a member with relative and other values is not judged.
        if (allRelative && relative is not null)
        {
            return new MemberPath(relative, relative, complete);
        }

        return complete && allAbsolute ? MemberPath.Absolute : MemberPath.Unknown;
    }

    /// <summary>What a member holds: relative (kept only while set by its own type when not complete), absolute, unknown.</summary>
    private sealed class MemberPath(PathValueInfo info, PathValueInfo? relative, bool complete)
    {
        public static readonly MemberPath Unknown = new(PathValueInfo.Unknown, null, complete: true);

        public static readonly MemberPath Absolute = new(PathValueInfo.Absolute, null, complete: true);

        public PathValueInfo Info { get; } = info;

        public PathValueInfo? Relative { get; } = relative;

        public bool Complete { get; } = complete;
    }
}
