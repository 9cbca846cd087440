using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>Paths the method enumerated with a specific pattern, or created itself under a fresh name.</summary>
internal sealed partial class ContainmentGuards
{
    /// <summary>
    /// A collection whose every element is an entry of a folder enumeration that stays in its folder: no pattern, or
    /// one that cannot name another folder ('*.log', 'cache-*.bin', and also '*'), directly, through LINQ, or kept in
    /// a list, array or helper (<see cref="EnumeratedCollections"/>); a value added to such a list one by one may also be
    /// any path contained by construction ('list.Add(root + "/app.pid")'). A broad pattern still yields files the cleanup
    /// never meant to touch, but that is PS0004's business: it reports the delete unless a name filter dominates it,
    /// so PS0002 need not say it again. A pattern that is not constant may hold '..' and leave the folder.
    /// </summary>
    public bool IsFolderEntryEnumeration(IOperation? collection)
        => collection is not null
           && EnumeratedCollections.StayInFolders(collection, EnumerationApis.GetOrCreate(_known), _members.IsContainedInAnyOrder);

    /// <summary>
    /// 'Path.Combine(anchored, fresh)': an anchored root (temp folder, application folder, special folder,
    /// constant absolute path) and a name nobody else can have picked (GetRandomFileName, a new Guid).
    /// Such a path is contained once the method itself has created it.
    /// </summary>
    public bool IsFreshName(IOperation? value)
    {
        if (value?.WithoutConversions() is not IInvocationOperation combine || !IsCombine(combine.TargetMethod))
        {
            return false;
        }

        var segments = GetSegments(combine);
        if (segments.Count < 2 || !IsAnchoredRoot(segments[0]))
        {
            return false;
        }

        var fresh = false;
        for (var i = 1; i < segments.Count; i++)
        {
            var segment = segments[i].WithoutConversions();
            if (segment.ConstantValue is { HasValue: true, Value: string text })
            {
                if (!IsSafeRelativeName(text))
                {
                    return false;
                }
            }
            else if (IsUniqueName(segment))
            {
                fresh = true;
            }
            else
            {
                return false;
            }
        }

        return fresh;
    }

    /// <summary>An anchor (<see cref="PathAnchors"/>), or a member or helper of the compilation whose every value is anchored.</summary>
    private bool IsAnchoredRoot(IOperation root) => IsAnchor(root) || _members.IsAnchoredPath(root);

    /// <summary>A constant fully qualified path or a well-known absolute root (<see cref="PathAnchors"/> knows which).</summary>
    public bool IsAnchor(IOperation value)
    {
        value = value.WithoutConversions();
        return value.ConstantValue is { HasValue: true, Value: string text }
            ? PathText.IsFullyQualifiedOnSomePlatform(text)
            : _anchors.Classify(value) is { Kind: PathValueKind.Absolute };
    }

    private bool IsUniqueName(IOperation segment)
    {
        switch (segment)
        {
            case IInvocationOperation call when _known.IsPathMethod(call.TargetMethod, "GetRandomFileName"):
                return true;
            case IInvocationOperation call when call.TargetMethod.Name == "ToString" && call.Instance is not null:
                return call.Instance.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "NewGuid" } newGuid
                       && SymbolEqualityComparer.Default.Equals(newGuid.TargetMethod.ContainingType, _known.Guid);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation
                when concatenation.Type?.SpecialType == SpecialType.System_String:
                // '"tests_" + Guid.NewGuid().ToString("N")': one side fresh, the other a plain name.
                var left = concatenation.LeftOperand.WithoutConversions();
                var right = concatenation.RightOperand.WithoutConversions();
                return (IsUniqueName(left) && IsPlainNameText(right)) || (IsUniqueName(right) && IsPlainNameText(left));
            case IInterpolatedStringOperation interpolated:
                var unique = false;
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        if (!IsUniqueName(interpolation.Expression.WithoutConversions()) && !IsGuidValue(interpolation.Expression))
                        {
                            return false;
                        }

                        unique = true;
                    }
                    else if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text }
                             && (text.IndexOf("..", StringComparison.Ordinal) >= 0 || text.IndexOfAny(new[] { '/', '\\', ':' }) >= 0))
                    {
                        return false;
                    }
                }

                return unique;
            default:
                return false;
        }
    }

    private static bool IsPlainNameText(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: string text }
           && text.IndexOf("..", StringComparison.Ordinal) < 0
           && text.IndexOfAny(new[] { '/', '\\', ':' }) < 0;

    private bool IsGuidValue(IOperation operation)
        => operation.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "NewGuid" } call
           && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _known.Guid);
}
