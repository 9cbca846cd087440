using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>Values that are contained by construction, by provenance or because a guard returned them.</summary>
internal sealed partial class ContainmentGuards
{
    /// <summary>
    /// True when <paramref name="value"/> is proven contained at a point where <paramref name="state"/>
    /// holds: a local or parameter with a <see cref="GuardFactKind.Contained"/> fact, a guard method's
    /// return value, a constant absolute path, 'Path.Combine(root, "constant")', a temporary file or
    /// folder, or a FileInfo/DirectoryInfo over one of these.
    /// </summary>
    public bool IsContainedValue(IOperation? value, ImmutableHashSet<GuardFact> state)
    {
        value = value?.WithoutConversions();
        if (value is null)
        {
            return false;
        }

        if (SymbolOf(value) is { } symbol)
        {
            return state.Contains(new GuardFact(GuardFactKind.Contained, symbol));
        }

        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return IsConstantAbsolutePath(text);
        }

        switch (value)
        {
            case IInvocationOperation invocation:
                return IsContainedCall(invocation, state);

            case IObjectCreationOperation { Arguments.Length: > 0 } creation when IsPathHolderCreation(creation):
                return IsContainedValue(creation.Arguments[0].Value, state);

            case IObjectCreationOperation creation:
                // A path wrapper of the compilation, converted to the path it stores where it is deleted.
                return _wrappers.IsContained(creation, state);

            case IPropertyReferenceOperation { Property.Name: "FullName" } property when IsInfoType(property.Instance?.Type):
                return IsContainedValue(property.Instance, state);

            case IPropertyReferenceOperation { Property.Name: "Name" } property when IsFileStream(property.Instance?.Type):
                // The path the stream was opened on.
                return IsContainedValue(property.Instance, state);

            case IFieldReferenceOperation or IPropertyReferenceOperation or IAwaitOperation:
                return _members.IsOwnedPath(value);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation
                when concatenation.Type?.SpecialType == SpecialType.System_String:
                return IsAnchoredSibling(concatenation) || IsSeparatedConstantTail(concatenation);

            case IInterpolatedStringOperation interpolated:
                return IsSeparatedConstantTail(interpolated);

            default:
                return false;
        }
    }

    private bool IsContainedCall(IInvocationOperation invocation, ImmutableHashSet<GuardFact> state)
    {
        var method = invocation.TargetMethod;
        if (Methods.TryGetGuardCall(invocation, out _) == GuardMethodKind.ReturnsPath)
        {
            return true;
        }

        if (_known.IsPathMethod(method, "GetTempFileName"))
        {
            return true;
        }

        if (IsCombine(method))
        {
            return HasConstantTail(invocation, state) || IsCombineOfSingleName(invocation, state);
        }

        if (invocation.Arguments.Length == 2 && _known.IsPathMethod(method, "GetFullPath"))
        {
            // 'Path.GetFullPath("cache/index.json", basePath)' resolves a safe relative name below its base, like Combine.
            return IsSafeSegment(invocation.Arguments[0].Value, state);
        }

        if (_known.IsGetFullPath(invocation))
        {
            return IsContainedValue(invocation.Arguments[0].Value, state);
        }

        if (IsDirectoryMethod(method, "CreateTempSubdirectory"))
        {
            return true;
        }

        if (IsDirectoryMethod(method, "CreateDirectory"))
        {
            return invocation.Arguments.Length > 0 && IsContainedValue(invocation.Arguments[0].Value, state);
        }

        // A helper of the compilation whose every returned path is contained ('static string DataDirectory() => …').
        return _members.IsOwnedPath(invocation);
    }

    /// <summary>Path.Combine or Path.Join.</summary>
    public bool IsCombine(IMethodSymbol method) => _known.IsPathMethod(method, "Combine") || _known.IsPathMethod(method, "Join");

    /// <summary>Every segment after the first is a safe name: a constant or an interpolation of safe values.</summary>
    private bool HasConstantTail(IInvocationOperation combine, ImmutableHashSet<GuardFact> state)
    {
        var segments = GetSegments(combine);
        if (segments.Count < 2)
        {
            return false;
        }

        for (var i = 1; i < segments.Count; i++)
        {
            if (!IsSafeSegment(segments[i], state))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// 'Path.Combine(folder, tail…)' in a helper or constructor a call runs: every later segment is a safe segment once
    /// each of the callee's parameters is read as the argument the call passes (<paramref name="arguments"/>, see
    /// <see cref="ArgumentsOf"/>), whatever the folder, as for a constant tail.
    /// </summary>
    public bool IsCombineWithSafeTail(IOperation value, Func<IParameterSymbol, IOperation?> arguments)
        => value.WithoutConversions() is IInvocationOperation combine && IsCombine(combine.TargetMethod) && HasSafeTail(combine, arguments);

    private bool HasSafeTail(IInvocationOperation combine, Func<IParameterSymbol, IOperation?> arguments)
    {
        var segments = GetSegments(combine);
        if (segments.Count < 2)
        {
            return false;
        }

        for (var i = 1; i < segments.Count; i++)
        {
            var segment = segments[i].WithoutConversions();
            var passed = segment is IParameterReferenceOperation parameter ? arguments(parameter.Parameter) : null;
            var safe = passed is not null
                ? IsSafeSegment(passed)
                : IsSafeSegment(segment) || _names.IsSingleSafeName(segment, Methods.IsNameOnly, arguments);
            if (!safe)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The argument a call of <paramref name="callee"/> passes explicitly for each of its parameters; null for others.</summary>
    public static Func<IParameterSymbol, IOperation?> ArgumentsOf(IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments)
        => parameter =>
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, callee.OriginalDefinition))
            {
                return null;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        };

    /// <summary>
    /// 'new[] { "Content/logos", "old.dll" }': an array whose every element is a constant safe relative name, so each
    /// element a loop takes from it stays below whatever folder it is joined to.
    /// </summary>
    public static bool IsConstantNameArray(IOperation? collection)
    {
        if (collection?.WithoutConversions() is not IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (element.WithoutConversions().ConstantValue is not { HasValue: true, Value: string text } || !IsSafeRelativeName(text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A later segment of Path.Combine that stays below the folder: constant text with no '..', a safe interpolation, a
    /// single safe name, or (with the flow's state) a local holding constant names only
    /// (<see cref="GuardFactKind.ConstantName"/>).
    /// </summary>
    public bool IsSafeSegment(IOperation segment, ImmutableHashSet<GuardFact>? state = null)
    {
        segment = segment.WithoutConversions();
        if (segment.ConstantValue is { HasValue: true, Value: string text })
        {
            return IsSafeRelativeName(text);
        }

        if (state is not null && SymbolOf(segment) is { } symbol && state.Contains(new GuardFact(GuardFactKind.ConstantName, symbol)))
        {
            return true;
        }

        return (segment is IInterpolatedStringOperation interpolated && IsSafeInterpolatedName(interpolated))
               || _names.IsSingleSafeName(segment, Methods.IsNameOnly);
    }

    /// <summary>
    /// '$"app-{date:yyyyMMdd}.log"': constant text with no '..' or ':' that does not start at a root, and holes
    /// whose values cannot spell a path (numbers, dates, Guids, enums), so the name stays below the folder.
    /// </summary>
    private bool IsSafeInterpolatedName(IInterpolatedStringOperation interpolated)
    {
        var first = true;
        var text = string.Empty;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
            {
                if (first && PathText.IsRootedOnAnyPlatform(literal))
                {
                    return false;
                }

                text += literal;
            }
            else if (part is IInterpolationOperation interpolation)
            {
                if (!IsNameSafeType(interpolation.Expression.WithoutConversions().Type))
                {
                    return false;
                }

                text += "0";
            }
            else
            {
                return false;
            }

            first = false;
        }

        return text.Length > 0 && text.IndexOf(':') < 0 && IsSafeRelativeName(text);
    }

    private bool IsNameSafeType(ITypeSymbol? type) => _names.IsNameSafeType(type);

    /// <summary>
    /// 'Assembly.Location + ".old"', 'AppContext.BaseDirectory + "app.pid"': an anchored path with a constant
    /// name appended (no separator, ':' or dots only) names one entry next to or inside the anchor.
    /// </summary>
    private bool IsAnchoredSibling(IBinaryOperation concatenation)
    {
        var anchored = IsAnchoredRoot(concatenation.LeftOperand);
        return anchored
               && concatenation.RightOperand.ConstantValue is { HasValue: true, Value: string }
               && _names.IsSingleSafeName(concatenation.RightOperand);
    }

    /// <summary>The segments of a Path.Combine/Join call, whether passed one by one or as a params array.</summary>
    public static List<IOperation> GetSegments(IInvocationOperation combine)
    {
        var segments = new List<IOperation>();
        foreach (var argument in combine.Arguments)
        {
            if (argument.Parameter?.IsParams == true && argument.Value.WithoutConversions() is IArrayCreationOperation array)
            {
                if (array.Initializer is not null)
                {
                    segments.AddRange(array.Initializer.ElementValues);
                }
            }
            else if (argument.Value.Type?.SpecialType == SpecialType.System_String)
            {
                segments.Add(argument.Value);
            }
            else
            {
                // ReadOnlySpan<char> overloads and collection expressions: not judged.
                segments.Add(argument.Value);
            }
        }

        return segments;
    }

    /// <summary>A relative name that stays below the folder it is combined with, on every platform.</summary>
    public static bool IsSafeRelativeName(string text)
    {
        if (text.Length == 0 || PathText.IsRootedOnAnyPlatform(text) || text.IndexOf(':') >= 0)
        {
            return false;
        }

        var named = false;
        foreach (var part in text.Split('/', '\\'))
        {
            if (part == "..")
            {
                return false;
            }

            named |= part.Length > 0 && part != ".";
        }

        return named;
    }

    /// <summary>An absolute path on some platform that names something below a root, with no '..'.</summary>
    public static bool IsConstantAbsolutePath(string text)
    {
        if (!PathText.IsFullyQualifiedOnSomePlatform(text))
        {
            return false;
        }

        var named = 0;
        foreach (var part in text.Split('/', '\\'))
        {
            if (part == "..")
            {
                return false;
            }

            if (part.Length > 0 && part != "." && !(part.Length == 2 && part[1] == ':'))
            {
                named++;
            }
        }

        // '/srv', 'C:\Windows' or '\\server\share' is a top-level folder, never a deliberate cleanup's target.
        var isUnc = text.Length >= 2 && PathText.IsSeparator(text[0]) && PathText.IsSeparator(text[1]);
        return named >= (isUnc ? 3 : 2);
    }

    /// <summary>'Path.GetRelativePath(root, path)'.</summary>
    public bool IsRelativePathCall(IInvocationOperation invocation)
        => invocation.Arguments.Length == 2 && _known.IsPathMethod(invocation.TargetMethod, "GetRelativePath");

    /// <summary>'new FileInfo(p)', 'new DirectoryInfo(p)', 'new FileStream(p, …)': an object that names the path it was made from.</summary>
    public bool IsPathHolderCreation(IObjectCreationOperation creation)
        => creation.Arguments.Length > 0
           && (IsInfoType(creation.Type)
               || (IsFileStream(creation.Type) && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String));

    private bool IsFileStream(ITypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(type, _known.Get("System.IO.FileStream"));

    public bool IsInfoType(ITypeSymbol? type)
        => type is not null
           && (SymbolEqualityComparer.Default.Equals(type, _known.FileInfo)
               || SymbolEqualityComparer.Default.Equals(type, _known.DirectoryInfo)
               || SymbolEqualityComparer.Default.Equals(type, _known.FileSystemInfo));

    private bool IsDirectoryMethod(IMethodSymbol method, string name)
        => method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.Directory);
}
