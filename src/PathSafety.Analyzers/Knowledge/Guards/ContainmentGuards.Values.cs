using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge.Guards
{
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
            value = Unwrap(value);
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

                case IObjectCreationOperation creation when IsInfoType(creation.Type) && creation.Arguments.Length > 0:
                    return IsContainedValue(creation.Arguments[0].Value, state);

                case IPropertyReferenceOperation { Property.Name: "FullName" } property when IsInfoType(property.Instance?.Type):
                    return IsContainedValue(property.Instance, state);

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

            if (_known.IsPathMethod(method, "Combine") || _known.IsPathMethod(method, "Join"))
            {
                return HasConstantTail(invocation);
            }

            if (_known.IsPathMethod(method, "GetFullPath") && invocation.Arguments.Length == 1)
            {
                return IsContainedValue(invocation.Arguments[0].Value, state);
            }

            if (IsDirectoryMethod(method, "CreateTempSubdirectory"))
            {
                return true;
            }

            return IsDirectoryMethod(method, "CreateDirectory") && invocation.Arguments.Length > 0 && IsContainedValue(invocation.Arguments[0].Value, state);
        }

        /// <summary>Every segment after the first is a constant name: no '..', not rooted, not empty or '.'.</summary>
        private static bool HasConstantTail(IInvocationOperation combine)
        {
            var segments = GetSegments(combine);
            if (segments.Count < 2)
            {
                return false;
            }

            for (var i = 1; i < segments.Count; i++)
            {
                if (Unwrap(segments[i])!.ConstantValue is not { HasValue: true, Value: string text } || !IsSafeRelativeName(text))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The segments of a Path.Combine/Join call, whether passed one by one or as a params array.</summary>
        public static List<IOperation> GetSegments(IInvocationOperation combine)
        {
            var segments = new List<IOperation>();
            foreach (var argument in combine.Arguments)
            {
                if (argument.Parameter?.IsParams == true && Unwrap(argument.Value) is IArrayCreationOperation array)
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

        /// <summary>
        /// An enumeration of a folder whose search pattern is a specific constant ('*.log', 'cache-*.bin'):
        /// every element is a file the cleanup named. Broad patterns ('*', '*.*') are PS0004's business.
        /// </summary>
        public bool IsSpecificEnumeration(IOperation? collection)
        {
            if (Unwrap(collection) is not IInvocationOperation invocation)
            {
                return false;
            }

            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var onFolder = SymbolEqualityComparer.Default.Equals(type, _known.Directory) || SymbolEqualityComparer.Default.Equals(type, _known.DirectoryInfo);
            if (!onFolder || !(method.Name.StartsWith("Enumerate", StringComparison.Ordinal) || method.Name.StartsWith("Get", StringComparison.Ordinal)))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "searchPattern")
                {
                    return argument.ArgumentKind != ArgumentKind.DefaultValue
                           && argument.Value.ConstantValue is { HasValue: true, Value: string pattern }
                           && IsSpecificPattern(pattern);
                }
            }

            return false;
        }

        public static bool IsSpecificPattern(string pattern)
        {
            if (pattern.IndexOfAny(new[] { '/', '\\' }) >= 0 || pattern.Contains(".."))
            {
                return false;
            }

            foreach (var c in pattern)
            {
                if (c != '*' && c != '?' && c != '.')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// 'Path.Combine(anchored, fresh)': an anchored root (temp folder, application folder, special folder,
        /// constant absolute path) and a name nobody else can have picked (GetRandomFileName, a new Guid).
        /// Such a path is contained once the method itself has created it.
        /// </summary>
        public bool IsFreshName(IOperation? value)
        {
            if (Unwrap(value) is not IInvocationOperation combine
                || !(_known.IsPathMethod(combine.TargetMethod, "Combine") || _known.IsPathMethod(combine.TargetMethod, "Join")))
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
                var segment = Unwrap(segments[i])!;
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

        private bool IsAnchoredRoot(IOperation root)
        {
            root = Unwrap(root)!;
            if (root.ConstantValue is { HasValue: true, Value: string text })
            {
                return PathText.IsFullyQualifiedOnSomePlatform(text);
            }

            return root switch
            {
                IInvocationOperation call => _known.IsPathMethod(call.TargetMethod, "GetTempPath")
                                             || (call.TargetMethod.Name == "GetFolderPath" && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _environment)),
                IPropertyReferenceOperation property => property.Property.Name == "BaseDirectory" && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _appContext),
                _ => false,
            };
        }

        private bool IsUniqueName(IOperation segment)
        {
            switch (segment)
            {
                case IInvocationOperation call when _known.IsPathMethod(call.TargetMethod, "GetRandomFileName"):
                    return true;
                case IInvocationOperation call when call.TargetMethod.Name == "ToString" && call.Instance is not null:
                    return Unwrap(call.Instance) is IInvocationOperation { TargetMethod.Name: "NewGuid" } newGuid
                           && SymbolEqualityComparer.Default.Equals(newGuid.TargetMethod.ContainingType, _guid);
                case IInterpolatedStringOperation interpolated:
                    var unique = false;
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation)
                        {
                            if (!IsUniqueName(Unwrap(interpolation.Expression)!) && !IsGuidValue(interpolation.Expression))
                            {
                                return false;
                            }

                            unique = true;
                        }
                        else if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } && (text.IndexOf("..", StringComparison.Ordinal) >= 0 || text.IndexOfAny(new[] { '/', '\\', ':' }) >= 0))
                        {
                            return false;
                        }
                    }

                    return unique;
                default:
                    return false;
            }
        }

        private bool IsGuidValue(IOperation operation)
            => Unwrap(operation) is IInvocationOperation { TargetMethod.Name: "NewGuid" } call
               && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _guid);

        /// <summary>'File.Create(p)' or 'Directory.CreateDirectory(p)': the method makes the path its own.</summary>
        public bool IsCreation(IMethodSymbol method)
            => (method.Name == "Create" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.File))
               || IsDirectoryMethod(method, "CreateDirectory");

        /// <summary>'Path.GetRelativePath(root, path)'.</summary>
        public bool IsRelativePathCall(IInvocationOperation invocation)
            => invocation.Arguments.Length == 2 && _known.IsPathMethod(invocation.TargetMethod, "GetRelativePath");

        public bool IsInfoType(ITypeSymbol? type)
            => type is not null
               && (SymbolEqualityComparer.Default.Equals(type, _known.FileInfo)
                   || SymbolEqualityComparer.Default.Equals(type, _known.DirectoryInfo)
                   || SymbolEqualityComparer.Default.Equals(type, _known.FileSystemInfo));

        private bool IsDirectoryMethod(IMethodSymbol method, string name)
            => method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.Directory);
    }
}
