using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// Classifies a path value as absolute, relative, relative on some path, or unknown, for every platform
/// the code may run on. Follows constants, static readonly fields with a literal initializer, locals (their
/// assignments in the method), fields, properties and helpers of the compilation in any file (the values
/// <see cref="MemberValues"/> reads), '?:' and '??', interpolation and concatenation prefixes, Path.Combine/Join
/// and Path.GetFullPath, and knows the anchors (AppContext.BaseDirectory...) and the current directory.
/// Anything else is unknown: PathSafety does not guess. One instance per compilation; thread-safe.
/// </summary>
internal sealed partial class PathValue
{
    // A chain of a local, a helper, its switch arm and its own local is already six steps.
    private const int MaxDepth = 12;
    private const int MaxDisplayLength = 60;

    private readonly PathAnchors _anchors;
    private readonly MemberValues _members;
    private readonly SourceModels _models;
    private readonly INamedTypeSymbol? _enumerable;

    private PathValue(KnownSymbols known)
    {
        _anchors = new PathAnchors(known);
        _members = MemberValues.GetOrCreate(known);
        _models = SourceModels.GetOrCreate(known.Compilation);
        _enumerable = known.Enumerable;
    }

    /// <summary>The compilation's one instance: what its members hold is read once, for every rule.</summary>
    public static PathValue Create(Compilation compilation)
        => KnownSymbols.GetOrCreate(compilation).GetOrCreateTable(static known => new PathValue(known));

    public PathValueInfo Classify(IOperation value) => Classify(value, 0, ImmutableHashSet<ILocalSymbol>.Empty);

    /// <summary>
    /// The text of a compile-time constant string ('"logs"', a const field or local) or of a static readonly
    /// string field whose only assignment is a literal initializer.
    /// </summary>
    public static bool TryGetConstantText(IOperation value, out string text) => PathConstants.TryGetText(value, out text);

    /// <summary>True for a constant path (see <see cref="TryGetConstantText"/>) that is fully qualified on some platform.</summary>
    public static bool IsConstantAbsolutePath(IOperation value)
        => TryGetConstantText(value, out var text) && PathText.IsFullyQualifiedOnSomePlatform(text);

    private PathValueInfo Classify(IOperation? value, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        if (value is null || depth > MaxDepth)
        {
            return PathValueInfo.Unknown;
        }

        value = value.WithoutImplicitConversions();
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is string text ? FromText(text, value, PathConstants.DeclaredAt(value)) : PathValueInfo.Unknown;
        }

        return value switch
        {
            IFieldReferenceOperation field => FromField(field, depth, following),
            IPropertyReferenceOperation property => _anchors.Classify(property) ?? FromMember(property, property.Property, depth),
            IInvocationOperation invocation => FromCall(invocation, depth, following),
            ILocalReferenceOperation local => FromLocal(local, depth, following),
            IConditionalOperation { WhenFalse: { } whenFalse } conditional => Branches(
                Classify(conditional.WhenTrue, depth + 1, following),
                Classify(whenFalse, depth + 1, following),
                "when " + Describe(conditional.Condition) + " is true",
                "when " + Describe(conditional.Condition) + " is false"),
            ICoalesceOperation coalesce when IsThrow(coalesce.WhenNull) => Classify(coalesce.Value, depth + 1, following),
            ICoalesceOperation coalesce => Branches(
                Classify(coalesce.Value, depth + 1, following),
                Classify(coalesce.WhenNull, depth + 1, following),
                "when " + Describe(coalesce.Value) + " is not null",
                "when " + Describe(coalesce.Value) + " is null"),
            ISwitchExpressionOperation switchExpression => FromSwitch(switchExpression, depth, following),
            IInterpolatedStringOperation interpolated
                => FromPrefix(interpolated, interpolated.Parts.IsEmpty ? null : interpolated.Parts[0], depth, following),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String
                => FromPrefix(concatenation, LeftmostOperand(concatenation), depth, following),
            _ => PathValueInfo.Unknown,
        };
    }

    private static PathValueInfo FromText(string text, IOperation source, Location? writtenAt)
    {
        if (PathText.IsFullyQualifiedOnSomePlatform(text))
        {
            return PathValueInfo.Absolute;
        }

        return PathText.IsRelative(text) ? PathValueInfo.Relative(Quote(text), source, writtenAt) : PathValueInfo.Unknown;
    }

    private PathValueInfo FromCall(IInvocationOperation invocation, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        if (_anchors.Classify(invocation) is { } known)
        {
            return known;
        }

        var method = invocation.TargetMethod;
        if (!_anchors.IsPathMethod(method))
        {
            // An async helper's call is its task, not a path.
            return method.IsAsync ? PathValueInfo.Unknown : FromMember(invocation, method, depth);
        }

        switch (method.Name)
        {
            case "GetFullPath" when invocation.Arguments.Length == 1:
                // Looks absolute, but is the relative path resolved against the current directory.
                return Classify(invocation.Arguments[0].Value, depth + 1, following);
            case "GetFullPath" when invocation.Arguments.Length == 2:
                var path = Classify(ArgumentAt(invocation, 0), depth + 1, following);
                return path.Kind == PathValueKind.Absolute || !path.IsRelativeOnSomePath
                    ? path
                    : AbsoluteOrUnknown(Classify(ArgumentAt(invocation, 1), depth + 1, following));
            case "GetDirectoryName":
                return AbsoluteOrUnknown(Classify(ArgumentAt(invocation, 0), depth + 1, following));
            case "GetFileName" or "GetFileNameWithoutExtension" or "GetRandomFileName"
                when method.ReturnType.SpecialType == SpecialType.System_String:
                // A bare name: passed to a file-system API it names an entry of the current directory
                // ('File.Move(f, Path.GetFileName(f) + ".1")' in a rotation moves the log into the working folder).
                return PathValueInfo.Relative(Describe(invocation), invocation);
            case "ChangeExtension":
                return Classify(ArgumentAt(invocation, 0), depth + 1, following);
            case "Combine":
            case "Join":
                return FromSegments(new List<IOperation>(PathSegments.Of(invocation)), method.Name == "Join", depth, following);
            default:
                return PathValueInfo.Unknown;
        }
    }

    /// <summary>
    /// Path.Combine starts again at a fully qualified later segment; otherwise the first segment decides.
    /// An empty first segment is skipped (Combine and Join both ignore it), and so is a Join segment that
    /// may be null ('Path.Join(Environment.GetEnvironmentVariable("LOGS"), "app.log")' is "app.log" when unset).
    /// </summary>
    private PathValueInfo FromSegments(List<IOperation> segments, bool isJoin, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        if (segments.Count == 0)
        {
            return PathValueInfo.Unknown;
        }

        if (!isJoin)
        {
            for (var i = segments.Count - 1; i > 0; i--)
            {
                if (TryGetConstantText(segments[i], out var later) && PathText.IsRootedOnAnyPlatform(later))
                {
                    return PathText.IsFullyQualifiedOnSomePlatform(later) ? PathValueInfo.Absolute : PathValueInfo.Unknown;
                }
            }
        }

        var first = segments[0].WithoutImplicitConversions();
        if (first.ConstantValue is { HasValue: true } constant && (constant.Value is null || (constant.Value is string text && text.Length == 0)))
        {
            return FromSegments(segments.GetRange(1, segments.Count - 1), isJoin, depth + 1, following);
        }

        var info = Classify(first, depth + 1, following);
        if (info.Kind == PathValueKind.Unknown && isJoin && segments.Count > 1 && MayBeNull(first))
        {
            var rest = FromSegments(segments.GetRange(1, segments.Count - 1), isJoin, depth + 1, following);
            return rest.IsRelativeOnSomePath ? rest.OnlyWhen("when " + Describe(first) + " is null or empty") : PathValueInfo.Unknown;
        }

        return info;
    }

    private PathValueInfo FromLocal(ILocalReferenceOperation read, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        if (!following.Contains(read.Local) && LoopOf(read) is { } loop)
        {
            return FromLoopVariable(loop, depth, following.Add(read.Local));
        }

        if (following.Contains(read.Local) || !LocalAssignments.TryGetAllAssignedValues(read, out var values))
        {
            return PathValueInfo.Unknown;
        }

        following = following.Add(read.Local);
        var infos = new List<PathValueInfo>(values.Count);
        var anyRelative = false;
        var allRelative = true;
        foreach (var value in values)
        {
            var info = Classify(value, depth + 1, following);
            infos.Add(info);
            anyRelative |= info.IsRelativeOnSomePath;
            allRelative &= info.Kind == PathValueKind.Relative;
        }

        if (allRelative)
        {
            // Whichever assignment reaches the read, the value is relative: no flow analysis needed.
            return infos[infos.Count - 1];
        }

        if (!anyRelative)
        {
            return infos.TrueForAll(i => i.Kind == PathValueKind.Absolute) ? PathValueInfo.Absolute : PathValueInfo.Unknown;
        }

        // Mixed: only the assignments that reach this read count ('p = "logs"; p = Path.Combine(root, p);').
        if (!LocalAssignments.TryGetReachingValues(read, values, out var reaching))
        {
            return PathValueInfo.Unknown;
        }

        PathValueInfo? relative = null;
        var reachingAllRelative = true;
        var reachingAllAbsolute = true;
        foreach (var value in reaching)
        {
            var info = infos[values.IndexOf(value)];
            if (info.IsRelativeOnSomePath)
            {
                relative ??= info;
            }

            reachingAllRelative &= info.Kind == PathValueKind.Relative;
            reachingAllAbsolute &= info.Kind == PathValueKind.Absolute;
        }

        if (relative is null)
        {
            return reachingAllAbsolute ? PathValueInfo.Absolute : PathValueInfo.Unknown;
        }

        if (reachingAllRelative)
        {
            return relative;
        }

        return relative.Kind == PathValueKind.MaybeRelative && reaching.Count == 1
            ? relative
            : relative.OnlyWhen("when the value assigned on line " + Line(relative.Source ?? read) + " reaches it");
    }

    private PathValueInfo FromPrefix(IOperation whole, IOperation? first, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        string? text = null;
        if (first is IInterpolatedStringTextOperation textPart)
        {
            text = textPart.Text.ConstantValue.Value as string;
        }
        else if (first is not null && first is not IInterpolationOperation && first.ConstantValue is { HasValue: true, Value: string constant })
        {
            text = constant;
        }

        if (text is not null)
        {
            if (PathText.IsFullyQualifiedOnSomePlatform(text))
            {
                return PathValueInfo.Absolute;
            }

            return PathText.IsRelativePrefix(text) ? PathValueInfo.Relative(Describe(whole), whole) : PathValueInfo.Unknown;
        }

        var leading = first is IInterpolationOperation interpolation ? interpolation.Expression : first;
        if (leading is null)
        {
            return PathValueInfo.Unknown;
        }

        // An absolute start stays absolute whatever is appended; a relative one stays relative.
        var info = Classify(leading, depth + 1, following);
        return info.Kind == PathValueKind.Unknown ? PathValueInfo.Unknown : info;
    }

    /// <summary>'mode switch { "dev" => "logs", _ => "/var/log/app" }': relative when a relative arm is chosen.</summary>
    private PathValueInfo FromSwitch(ISwitchExpressionOperation switchExpression, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        PathValueInfo? first = null;
        PathValueInfo? relative = null;
        var allRelative = true;
        var allAbsolute = true;
        var value = Describe(switchExpression.Value);
        foreach (var arm in switchExpression.Arms)
        {
            if (IsThrow(arm.Value))
            {
                // '_ => throw …' yields no value.
                continue;
            }

            var info = Classify(arm.Value, depth + 1, following);
            first ??= info;
            if (relative is null && info.IsRelativeOnSomePath)
            {
                relative = info.OnlyWhen(arm.Pattern is IDiscardPatternOperation
                    ? "when " + value + " matches no other arm"
                    : "when " + value + " matches " + Describe(arm.Pattern));
            }

            allRelative &= info.Kind == PathValueKind.Relative;
            allAbsolute &= info.Kind == PathValueKind.Absolute;
        }

        if (first is null || relative is null)
        {
            return first is not null && allAbsolute ? PathValueInfo.Absolute : PathValueInfo.Unknown;
        }

        return allRelative ? first : relative;
    }

    private static bool IsThrow(IOperation value) => value.WithoutImplicitConversions() is IThrowOperation;

    private static IOperation LeftmostOperand(IBinaryOperation concatenation)
    {
        IOperation current = concatenation;
        while (current.WithoutImplicitConversions() is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
            && !binary.ConstantValue.HasValue)
        {
            current = binary.LeftOperand;
        }

        return current.WithoutImplicitConversions();
    }

    private static PathValueInfo Branches(PathValueInfo first, PathValueInfo second, string whenFirst, string whenSecond)
    {
        if (first.Kind == PathValueKind.Relative && second.Kind == PathValueKind.Relative)
        {
            return first;
        }

        if (first.IsRelativeOnSomePath)
        {
            return first.OnlyWhen(whenFirst);
        }

        if (second.IsRelativeOnSomePath)
        {
            return second.OnlyWhen(whenSecond);
        }

        return first.Kind == PathValueKind.Absolute && second.Kind == PathValueKind.Absolute ? PathValueInfo.Absolute : PathValueInfo.Unknown;
    }

    private static PathValueInfo AbsoluteOrUnknown(PathValueInfo info)
        => info.Kind == PathValueKind.Absolute ? PathValueInfo.Absolute : PathValueInfo.Unknown;

    private bool MayBeNull(IOperation value)
    {
        if (_anchors.IsEnvironmentVariableRead(value))
        {
            return true;
        }

        var model = value.SemanticModel;
        return model is not null
            && model.GetTypeInfo(value.Syntax).Nullability.FlowState == NullableFlowState.MaybeNull;
    }

    private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static string Quote(string text) => "\"" + text + "\"";

    private static int Line(IOperation operation) => operation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The value as written, shortened for a message.</summary>
    private static string Describe(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= MaxDisplayLength ? text : text.Substring(0, MaxDisplayLength - 3) + "...";
    }
}
