using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// What a prefix check compares, for PS0007: the receiver behind '?.', the local or parameter a member chain
/// starts from, and whether a string is a path (not a name, a URL or other text). The path test is only asked
/// where PS0007 widens what it judges (a member of a used object, a checked path the method returns, a bool
/// helper), so an ordinary text 'StartsWith' stays unjudged.
/// </summary>
internal static class CheckSubjects
{
    private const int MaxDepth = 4;

    /// <summary>The words of a name that say it holds a path: 'rootDir', 'BasePath', 'outputFolder', 'app_root'.</summary>
    private static readonly HashSet<string> PathWords = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
    {
        "path", "dir", "directory", "folder", "root",
    };

    /// <summary>The checked string: for 'x?.StartsWith(r)', the 'x' the conditional access reads.</summary>
    public static IOperation? Receiver(IInvocationOperation check)
        => check.Instance?.WithoutConversions().ConditionalReceiver()?.WithoutConversions();

    /// <summary>'shortcut.Target' or 'item.Info.Path': the local or parameter the member chain starts from.</summary>
    public static ISymbol? ChainRoot(IOperation? value)
    {
        var depth = 0;
        value = value?.WithoutConversions();
        while (value is IMemberReferenceOperation { Instance: { } instance } && depth++ < MaxDepth)
        {
            value = instance.WithoutConversions();
        }

        return depth > 0 ? ContainmentGuards.SymbolOf(value) : null;
    }

    /// <summary>
    /// The string is a file or folder path: it comes from a path API ('Path.GetFullPath', 'Path.Combine',
    /// 'FileSystemInfo.FullName', 'Environment.GetFolderPath', 'AppContext.BaseDirectory', a guard that returns
    /// the path), or the member, parameter or local it is read from is named for one (a word 'path', 'dir',
    /// 'directory', 'folder' or 'root'), or it is such a value with text appended. A file name
    /// ('Path.GetFileName', 'FileSystemInfo.Name') is not a path.
    /// </summary>
    public static bool IsPath(IOperation? value, ContainmentGuards guards, AssignmentTable locals, int depth = 0)
    {
        value = value?.WithoutConversions();
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        switch (value)
        {
            case IInvocationOperation call:
                var method = call.TargetMethod;
                if (KnownSymbols.Is(method.ContainingType, guards.Known.Path))
                {
                    return method.ReturnType.SpecialType == SpecialType.System_String
                           && method.Name is not ("GetFileName" or "GetFileNameWithoutExtension" or "GetExtension" or "GetRandomFileName");
                }

                return (KnownSymbols.Is(method.ContainingType, guards.Known.Environment) && method.Name == "GetFolderPath")
                       || guards.Methods.TryGetGuardCall(call, out _) == GuardMethodKind.ReturnsPath;
            case IPropertyReferenceOperation property when guards.IsInfoType(property.Instance?.Type):
                return property.Property.Name is "FullName" or "DirectoryName";
            case IPropertyReferenceOperation property when KnownSymbols.Is(property.Property.ContainingType, guards.Known.AppContext):
                return property.Property.Name == "BaseDirectory";
            case IMemberReferenceOperation member:
                return IsPathName(member.Member.Name);
            case IParameterReferenceOperation parameter:
                return IsPathName(parameter.Parameter.Name);
            case ILocalReferenceOperation local:
                return IsPathName(local.Local.Name) || locals.All(local.Local, assigned => IsPath(assigned, guards, locals, depth + 1));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                return IsPath(add.LeftOperand, guards, locals, depth + 1);
            case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated:
                return interpolated.Parts[0] is IInterpolationOperation first && IsPath(first.Expression, guards, locals, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>
    /// The function whose 'return' the check's value is (the method, or a local function; never a lambda, whose
    /// result is a predicate's, not a caller's guard), when that function returns bool.
    /// </summary>
    public static IMethodSymbol? ReturningBoolFunction(IOperation check, ISymbol owner)
    {
        var current = check.Parent;
        while (current is IUnaryOperation or IBinaryOperation or IConversionOperation or IParenthesizedOperation or IConditionalAccessOperation)
        {
            current = current.Parent;
        }

        if (current is not IReturnOperation)
        {
            return null;
        }

        for (var parent = current.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation local:
                    return IsBool(local.Symbol) ? local.Symbol : null;
            }
        }

        return owner is IMethodSymbol method && IsBool(method) ? method : null;
    }

    private static bool IsBool(IMethodSymbol method) => method.ReturnType.SpecialType == SpecialType.System_Boolean;

    private static bool IsPathName(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '_' || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])))
            {
                if (i > start && PathWords.Contains(name.Substring(start, i - start).Trim('_')))
                {
                    return true;
                }

                start = i;
            }
        }

        return false;
    }
}
