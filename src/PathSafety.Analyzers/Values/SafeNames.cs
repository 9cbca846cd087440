using System;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// Text built from pieces that cannot spell a path: constants, and holes whose values are numbers, dates, Guids,
/// enums, 'Path.GetRandomFileName()' or the name part of a path ('Path.GetFileName', 'GetFileNameWithoutExtension',
/// 'GetExtension': never a separator), or a local written once with such text. Used for composed names
/// ('$"app-{date:yyyyMMdd}.log"', 'Path.GetFileName(f) + ".1"', 'Guid.NewGuid() + extension') and search patterns
/// ('$"{Path.GetFileNameWithoutExtension(p)}*.log"'). One instance per compilation.
/// </summary>
internal sealed class SafeNames
{
    private const int MaxDepth = 8;

    private readonly KnownSymbols _known;
    private readonly ConcurrentDictionary<ILocalSymbol, string?> _localTexts = new(SymbolEqualityComparer.Default);

    private SafeNames(KnownSymbols known)
    {
        _known = known;
    }

    public static SafeNames GetOrCreate(KnownSymbols known) => known.GetOrCreateTable(static k => new SafeNames(k));

    /// <summary>Numbers, dates, Guids and enums: their text has no separator, ':' or '..'.</summary>
    public bool IsNameSafeType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.TypeKind == TypeKind.Enum
               || SymbolEqualityComparer.Default.Equals(type, _known.Guid)
               || SymbolEqualityComparer.Default.Equals(type, _known.DateTimeOffset);
    }

    /// <summary>
    /// The constant text of <paramref name="value"/> when it is a constant, or an interpolation or concatenation
    /// of constants and safe holes; a hole contributes "0" when it is a number-like value (never empty or dots)
    /// and nothing when it is a path's name part (which may be "", "." or ".."). Null when some piece is not safe.
    /// </summary>
    public string? ComposedText(IOperation? value) => Append(value, new StringBuilder(), MaxDepth, null, null)?.ToString();

    /// <summary>
    /// One name below the folder it is combined with: composed of safe pieces, with no separator or ':', and
    /// with some character other than '.' (so it is never "", "." or ".."). <paramref name="isNamePart"/> names more
    /// calls that return a name part (a sanitiser of the compilation, say): like 'Path.GetFileName', they add nothing.
    /// <paramref name="arguments"/> judges the name as a call builds it: each parameter of the called helper or
    /// constructor it maps is read as the argument the call passes ('Path.GetRandomFileName() + extension' with
    /// '".tmp"' for 'extension').
    /// </summary>
    public bool IsSingleSafeName(IOperation? value, Func<IInvocationOperation, bool>? isNamePart = null,
        Func<IParameterSymbol, IOperation?>? arguments = null)
    {
        var text = Append(value, new StringBuilder(), MaxDepth, isNamePart, arguments)?.ToString();
        if (text is null || text.IndexOfAny(new[] { '/', '\\', ':' }) >= 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c != '.')
            {
                return true;
            }
        }

        return false;
    }

    private StringBuilder? Append(IOperation? value, StringBuilder text, int depth, Func<IInvocationOperation, bool>? isNamePart,
        Func<IParameterSymbol, IOperation?>? arguments)
    {
        value = value is null ? null : value.WithoutImplicitConversions();
        if (value is null || depth < 0)
        {
            return null;
        }

        if (value.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value switch
            {
                string s => text.Append(s),
                char c => text.Append(c),
                _ => IsNameSafeType(value.Type) ? text.Append('0') : null,
            };
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    var appended = part switch
                    {
                        IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal } => text.Append(literal),
                        IInterpolationOperation hole => Append(hole.Expression, text, depth - 1, isNamePart, arguments),
                        _ => null,
                    };
                    if (appended is null)
                    {
                        return null;
                    }
                }

                return text;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                return Append(concatenation.LeftOperand, text, depth - 1, isNamePart, arguments) is null
                    ? null
                    : Append(concatenation.RightOperand, text, depth - 1, isNamePart, arguments);
            case IParameterReferenceOperation parameter when arguments?.Invoke(parameter.Parameter) is { } argument:
                // The argument is the caller's code: its own parameters are the caller's, not the callee's.
                return Append(argument, text, depth - 1, isNamePart, null);
            case IInvocationOperation invocation when IsNamePart(invocation) || (isNamePart is not null && isNamePart(invocation)):
                return text;
            case IInvocationOperation invocation when _known.IsPathMethod(invocation.TargetMethod, "GetRandomFileName"):
                // Eight random characters, a dot and three more: never empty, dots only or a separator.
                return text.Append('0');
            case ILocalReferenceOperation local:
                // 'var extension = Path.GetExtension(p);': the one value the local is ever given.
                return LocalText(local, depth) is { } held ? text.Append(held) : null;
            case IInvocationOperation { TargetMethod.Name: nameof(ToString), Instance: { } instance } when IsNameSafeType(instance.Type):
                return text.Append('0');
            default:
                return IsNameSafeType(value.Type) ? text.Append('0') : null;
        }
    }

    /// <summary>
    /// The composed text of the one value a local is ever given, or null. Asked on every pass of the guard flow for
    /// each write that joins the local into a name, so it is worked out once per local.
    /// </summary>
    private string? LocalText(ILocalReferenceOperation read, int depth)
    {
        if (_localTexts.TryGetValue(read.Local, out var known))
        {
            return known;
        }

        var text = SingleValue(read) is { } only ? Append(only, new StringBuilder(), depth - 1, null, null)?.ToString() : null;
        _localTexts.TryAdd(read.Local, text);
        return text;
    }

    /// <summary>
    /// The one value a local is ever given. A read a control-flow graph rewrote has no semantic model and no parents
    /// beyond its statement, so the writes are looked up from the same read in the method's own operation tree.
    /// </summary>
    private IOperation? SingleValue(ILocalReferenceOperation read)
    {
        if (read.SemanticModel is null)
        {
            if (SourceModels.GetOrCreate(_known.Compilation).GetOperation(read.Syntax, null) is not ILocalReferenceOperation original)
            {
                return null;
            }

            read = original;
        }

        return LocalAssignments.TryGetSingleValue(read);
    }

    private bool IsNamePart(IInvocationOperation invocation)
        => invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_String
           && (_known.IsPathMethod(invocation.TargetMethod, "GetFileName")
               || _known.IsPathMethod(invocation.TargetMethod, "GetFileNameWithoutExtension")
               || _known.IsPathMethod(invocation.TargetMethod, "GetExtension"));
}
