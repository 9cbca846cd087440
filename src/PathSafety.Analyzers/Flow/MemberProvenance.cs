using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>What every value of a member or helper is known to be.</summary>
[Flags]
internal enum MemberPathKind
{
    None = 0,

    /// <summary>Contained by construction or a fresh name under an anchored root (a path its type owns).</summary>
    Contained = 1,

    /// <summary>An anchor (temp, application or special folder) or a constant name below one.</summary>
    Anchored = 2,
}

/// <summary>
/// Fields, properties and helpers of the compilation, in any file, that hold or return paths nobody else chose:
/// 'TempDir' sets '_path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString())' in its constructor;
/// 'static readonly string Logs = Path.Combine(AppData, "logs")' in another class; 'static string DataDirectory() =>
/// Path.Combine(Environment.GetFolderPath(…), "app")'. Only members whose every value is known count
/// (<see cref="MemberValueSet.Complete"/>: nothing outside the type can set them). Summaries are made on demand, once
/// per member and compilation; a cycle of members, or a chain deeper than <see cref="MaxDepth"/>, proves nothing.
/// </summary>
internal sealed class MemberProvenance
{
    private const int MaxDepth = 8;

    private readonly ContainmentGuards _guards;
    private readonly MemberValues _values;
    private readonly SymbolSummaries<ISymbol, MemberPathKind> _kinds = new(MaxDepth, MemberPathKind.None);

    public MemberProvenance(ContainmentGuards guards)
    {
        _guards = guards;
        _values = MemberValues.GetOrCreate(guards.Known);
    }

    /// <summary>True when <paramref name="value"/> reads a member or calls a helper whose every value is a path its code owns.</summary>
    public bool IsOwnedPath(IOperation value)
        => Is(value, MemberPathKind.Contained) || IsContainedHelperCall(value.WithoutConversions());

    /// <summary>True when <paramref name="value"/> reads a member or calls a helper whose every value is anchored.</summary>
    public bool IsAnchoredPath(IOperation value) => Is(value, MemberPathKind.Anchored);

    private bool Is(IOperation value, MemberPathKind wanted)
        => MemberValues.MemberOf(value) is { } member && (KindOf(member, value.SemanticModel) & wanted) == wanted;

    private MemberPathKind KindOf(ISymbol member, SemanticModel? atHand)
    {
        // A member computed from itself (or a cycle of members) is not proven.
        return _kinds.GetOrCompute(member, (self: this, atHand), static (m, state) => state.self.Compute(m, state.atHand));
    }

    /// <remarks>
    /// The values are read one at a time (<see cref="MemberValues.OneByOne"/>): most members fail on their first value,
    /// and the members that write the others are then never bound. A member that yields nothing is judged by its set,
    /// which tells a member with no value from one that cannot be read.
    /// </remarks>
    private MemberPathKind Compute(ISymbol member, SemanticModel? atHand)
    {
        var kind = MemberPathKind.Contained | MemberPathKind.Anchored;
        var any = false;
        foreach (var step in _values.OneByOne(member, atHand))
        {
            any = true;
            if (step.Value is not { } value)
            {
                return MemberPathKind.None;
            }

            kind = Keep(kind, value);
            if (kind == MemberPathKind.None)
            {
                return kind;
            }
        }

        if (any)
        {
            return kind;
        }

        var set = _values.Of(member, atHand);
        if (!set.Complete)
        {
            return MemberPathKind.None;
        }

        foreach (var value in set.Values)
        {
            kind = Keep(kind, value);
        }

        return kind;
    }

    /// <summary>What of <paramref name="kind"/> one more value of the member keeps.</summary>
    private MemberPathKind Keep(MemberPathKind kind, IOperation value)
    {
        if ((kind & MemberPathKind.Anchored) != 0 && !IsAnchoredValue(value))
        {
            kind &= ~MemberPathKind.Anchored;
        }

        if ((kind & MemberPathKind.Contained) != 0 && !IsContainedMemberValue(value, MaxDepth))
        {
            kind &= ~MemberPathKind.Contained;
        }

        return kind;
    }

    /// <summary>
    /// <paramref name="value"/> judged outside any flow: contained by construction, or a local whose every value, in
    /// whatever order it is written, is (<see cref="IsContainedMemberValue"/>).
    /// </summary>
    public bool IsContainedInAnyOrder(IOperation value) => IsContainedMemberValue(value, MaxDepth);

    /// <summary>
    /// A member's value judged outside any flow: a local of the declaring body ('var target = Path.GetTempFileName();
    /// … return target;', 'var file = Path.Combine(dir, ".lock"); _lock = new FileStream(file, …);') counts when every
    /// value it is ever given counts, whatever the order of the writes.
    /// </summary>
    private bool IsContainedMemberValue(IOperation value, int depth)
    {
        value = value.WithoutConversions();
        if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation && _guards.IsPathHolderCreation(creation))
        {
            value = creation.Arguments[0].Value.WithoutConversions();
        }

        if (value is not ILocalReferenceOperation local)
        {
            return _guards.IsContainedValue(value, GuardFlow.Empty);
        }

        if (depth <= 0 || !LocalAssignments.TryGetAllAssignedValues(local, out var assigned))
        {
            return false;
        }

        foreach (var one in assigned)
        {
            if (!IsContainedMemberValue(one, depth - 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An anchor, 'Path.Combine(anchor, "constant"…)', or a member or helper whose every value is anchored.</summary>
    private bool IsAnchoredValue(IOperation value)
    {
        value = value.WithoutConversions();
        if (_guards.IsAnchor(value))
        {
            return true;
        }

        if (value is IInvocationOperation call && _guards.IsCombine(call.TargetMethod))
        {
            var segments = ContainmentGuards.GetSegments(call);
            if (segments.Count == 0 || !IsAnchoredValue(segments[0]))
            {
                return false;
            }

            for (var i = 1; i < segments.Count; i++)
            {
                if (!_guards.IsSafeSegment(segments[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return IsAnchoredPath(value);
    }

    /// <summary>
    /// 'GetFilePath("app.log")' where the helper returns 'Path.Combine(root, name)' with a root that is contained or
    /// anchored: each segment the helper takes from a parameter is judged by the argument the call passes.
    /// </summary>
    private bool IsContainedHelperCall(IOperation value)
    {
        if (value is not IInvocationOperation { TargetMethod: { Parameters.Length: > 0, IsAsync: false } } call)
        {
            return false;
        }

        // One value at a time, like the kinds: the first return that is no such Combine settles it.
        var arguments = ContainmentGuards.ArgumentsOf(call.TargetMethod, call.Arguments);
        var any = false;
        foreach (var step in _values.OneByOne(call.TargetMethod, call.SemanticModel))
        {
            any = true;
            if (step.Value is not { } returned || !_guards.IsCombineWithSafeTail(returned, arguments))
            {
                return false;
            }
        }

        return any || _values.Of(call.TargetMethod, call.SemanticModel).Complete;
    }
}
