using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Scope;

/// <summary>
/// Methods that are cleanup code by what they delete, whatever their type is named: a method (with its lambdas and
/// local functions) that deletes what a folder enumeration yields; or one that deletes where its caller says. Such a
/// method cannot know what its callers hand it, so the guard its deletes need belongs in it or in a [PathGuard] it
/// calls. Where the caller says is, for any method, a path rooted in its input: a parameter, its members
/// ('result.CacheFile'), a value built on it by library code ('Path.Combine(dir, name)', 'path + ".db"',
/// 'new DirectoryInfo(path)'), a local or field the method set from one, the elements of a parameter collection, or a
/// field or property its type's constructor set to a constructor parameter. A delete helper, a method named for
/// deleting (a word of its name is Delete, Remove, Erase, Wipe or Clear), counts any value that reads its input, a name
/// appended to a folder of its own included ('Path.Combine(Root, name)'). Lambda parameters and out parameters are not
/// the caller's input (a lambda's parameter is an element of some collection). Decided once per method, only for
/// methods a scope question is asked about: one walk of its operation tree, and a second (its writes) only when it
/// deletes something. Thread-safe.
/// </summary>
internal sealed class DeletingMethods
{
    private static readonly HashSet<string> DeleteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Delete", "Remove", "Erase", "Wipe", "Clear",
    };

    private readonly DeleteApis _deletes;
    private readonly EnumerationApis _enumerations;
    private readonly MemberValues _members;
    private readonly ConcurrentDictionary<ISymbol, bool> _decided = new(SymbolEqualityComparer.Default);

    public DeletingMethods(DeleteApis deletes, EnumerationApis enumerations, MemberValues members)
    {
        _deletes = deletes;
        _enumerations = enumerations;
        _members = members;
    }

    /// <summary>True when the method around <paramref name="operation"/> deletes folder entries or its caller's paths.</summary>
    public bool IsCleanupByWhatItDeletes(ISymbol containingSymbol, IOperation operation)
        => _decided.GetOrAdd(NearestNamed(containingSymbol), symbol => Decide(operation.Root(), IsNamedForDeleting(symbol)));

    /// <summary>
    /// A lambda is decided with the method around it: the same body is walked and the same name read, so the many
    /// lambdas of one method share one decision.
    /// </summary>
    private static ISymbol NearestNamed(ISymbol symbol)
    {
        var current = symbol;
        while (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } && current.ContainingSymbol is { } outer)
        {
            current = outer;
        }

        return current;
    }

    private bool Decide(IOperation root, bool namedForDeleting)
    {
        List<DeleteSite>? sites = null;
        var loops = false;
        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation invocation && DeleteApis.MayBeDelete(invocation.TargetMethod)
                && _deletes.TryGetDeleteSite(invocation, out var site) && site is not null)
            {
                (sites ??= new List<DeleteSite>()).Add(site);
            }

            // An enumerated entry reaches a delete only through a loop or a delegate run per element.
            loops |= descendant is ILoopOperation or IAnonymousFunctionOperation;
        }

        if (sites is null)
        {
            return false;
        }

        if (loops)
        {
            foreach (var site in sites)
            {
                if (!EnumeratedElements.FindAll(site.Target, _enumerations).IsEmpty)
                {
                    return true;
                }
            }
        }

        // The writes are read only for the few methods that delete something, with a second walk.
        var input = new CallerInput(this, ValueWrites.In(root), anyRead: namedForDeleting);
        foreach (var site in sites)
        {
            if (input.Reaches(site.Target))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamedForDeleting(ISymbol symbol)
    {
        foreach (var word in MaintenanceWords.SplitPascalCase(symbol.Name))
        {
            if (DeleteWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An instance field or property of this object that a constructor of its type sets to a constructor parameter
    /// ('public Upload(string path) { Path = path; }'): the path a caller handed over when it made the object.
    /// Read from the member's writes (<see cref="MemberValues"/>, cached per member), only for members a delete reads.
    /// </summary>
    private bool IsStoredFromConstructor(IMemberReferenceOperation reference)
    {
        var member = reference.Member.OriginalDefinition;
        if (member.IsStatic || reference.Instance is not IInstanceReferenceOperation || member.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var value in _members.Of(member, reference.SemanticModel).Values)
        {
            if (value.WithoutConversions() is IParameterReferenceOperation
                {
                    Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor,
                }
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What in one method holds its caller's input: the locals, fields and properties it sets from that input.</summary>
    private sealed class CallerInput
    {
        private readonly DeletingMethods _owner;
        private readonly bool _anyRead;
        private readonly HashSet<ISymbol> _stored = new(SymbolEqualityComparer.Default);

        public CallerInput(DeletingMethods owner, List<ValueWrite> writes, bool anyRead)
        {
            _owner = owner;
            _anyRead = anyRead;

            // A few rounds reach the chains methods write ('var dir = path; var db = dir + ".db";'), in any order; a
            // foreach variable holds the elements of its collection.
            for (var round = 0; round < 4; round++)
            {
                var added = false;
                foreach (var write in writes)
                {
                    var source = write.Value ?? LoopOf(write.Operation)?.Collection;
                    if (write.Target is ILocalSymbol or IFieldSymbol or IPropertySymbol && source is not null
                        && !_stored.Contains(write.Target) && Reaches(source))
                    {
                        _stored.Add(write.Target);
                        added = true;
                    }
                }

                if (!added)
                {
                    break;
                }
            }
        }

        /// <summary>True when <paramref name="value"/> is rooted in the caller's input (or, for a delete helper, reads it).</summary>
        public bool Reaches(IOperation value) => _anyRead ? Reads(value) : IsRootedIn(value, depth: 0);

        private static IForEachLoopOperation? LoopOf(IOperation writer)
            => writer as IForEachLoopOperation ?? writer.Parent as IForEachLoopOperation ?? writer.Parent?.Parent as IForEachLoopOperation;

        private bool Reads(IOperation value)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (IsInput(operation))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsInput(IOperation operation)
            => operation switch
            {
                IParameterReferenceOperation { Parameter: var parameter } => IsCallerParameter(parameter),
                ILocalReferenceOperation local => _stored.Contains(local.Local),
                IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member
                    => _stored.Contains(member.Member) || _owner.IsStoredFromConstructor(member),
                _ => false,
            };

        private static bool IsCallerParameter(IParameterSymbol parameter)
            => parameter.RefKind != RefKind.Out && parameter.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction };

        /// <summary>
        /// The path starts at the caller's input: the input itself, a member of it, or a value library code builds on it
        /// (the receiver or first argument of a call into a library: 'Path.Combine(dir, ...)', 'path.Trim()',
        /// 'files.Where(...)', 'fileSystem.DirectoryInfo.New(dir)'; the first operand of a concatenation; a new FileInfo
        /// of it). A helper of the compilation decides its own result, so its call is not followed.
        /// </summary>
        private bool IsRootedIn(IOperation? value, int depth)
        {
            if (value is null || depth > 8)
            {
                return false;
            }

            value = value.WithoutConversions();
            if (IsInput(value))
            {
                return true;
            }

            switch (value)
            {
                case IParenthesizedOperation parenthesized:
                    return IsRootedIn(parenthesized.Operand, depth + 1);
                case IMemberReferenceOperation { Instance: { } instance }:
                    return IsRootedIn(instance, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return IsRootedIn(concatenation.LeftOperand, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolationOperation first
                           && IsRootedIn(first.Expression, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsRootedIn(coalesce.Value, depth + 1) || IsRootedIn(coalesce.WhenNull, depth + 1);
                case IConditionalOperation conditional:
                    return IsRootedIn(conditional.WhenTrue, depth + 1) || IsRootedIn(conditional.WhenFalse, depth + 1);
                case IObjectCreationOperation creation:
                    return creation.Arguments.Length > 0 && IsRootedIn(creation.Arguments[0].Value, depth + 1);
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        if (IsRootedIn(element, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                case IInvocationOperation invocation when invocation.TargetMethod.Locations.Length > 0
                                                          && !invocation.TargetMethod.Locations[0].IsInSource:
                    return IsRootedIn(invocation.Instance, depth + 1)
                           || (invocation.Arguments.Length > 0 && IsRootedIn(invocation.Arguments[0].Value, depth + 1));
                default:
                    return false;
            }
        }
    }
}
