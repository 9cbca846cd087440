using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge
{
    /// <summary>
    /// The name tests that decide whether an enumerated entry is deleted: conditions that dominate the delete
    /// in the loop body ('if (Path.GetExtension(f) == ".log")', 'if (!f.Name.StartsWith("cache-")) continue;')
    /// and LINQ predicates before the loop. Age and size tests are not name tests: they select old files,
    /// not the right kind of file.
    /// </summary>
    internal sealed class ElementFilters
    {
        private readonly List<string> _constants = new();

        private ElementFilters()
        {
        }

        /// <summary>The constant names, suffixes, prefixes or extensions the tests compare the entry with.</summary>
        public IReadOnlyList<string> Constants => _constants;

        /// <summary>A name test whose names are not known (a regex, a set of extensions, a configured value).</summary>
        public bool HasOpaqueNameTest { get; private set; }

        /// <summary>A guard method (PathSafety.PathGuard, or a method marked [PathGuard]) is called with the entry.</summary>
        public bool HasGuard { get; private set; }

        public bool HasNameFilter => _constants.Count > 0 || HasOpaqueNameTest;

        public static ElementFilters Find(EnumeratedElement element, IOperation delete, EnumerationApis apis)
        {
            var filters = new ElementFilters();
            foreach (var predicate in element.Predicates)
            {
                // A method group ('Where(IsOld)') gets the whole path, like 'if (IsOld(f))' in the loop: not a name test.
                if (predicate is IAnonymousFunctionOperation { Symbol.Parameters: { Length: > 0 } parameters } lambda)
                {
                    filters.Scan(lambda.Body, parameters[0], apis);
                }
            }

            filters.ScanDominating(element, delete, apis);
            return filters;
        }

        // A cheap structured stand-in for dominance: the conditions of the ifs and switches the delete sits in,
        // and the 'if (...) continue;' style early exits and guard calls that come before it in the body.
        private void ScanDominating(EnumeratedElement element, IOperation delete, EnumerationApis apis)
        {
            var child = delete;
            for (var parent = delete.Parent; parent is not null && child != element.Body; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                        Scan(conditional.Condition, element.Element, apis);
                        break;
                    case ISwitchCaseOperation { Parent: ISwitchOperation switchOperation } switchCase:
                        ScanSwitch(switchOperation.Value, switchCase, element.Element, apis);
                        break;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation { WhenFalse: null } early && Exits(early.WhenTrue))
                            {
                                Scan(early.Condition, element.Element, apis);
                            }
                            else
                            {
                                ScanGuards(statement, element.Element, apis);
                            }
                        }

                        break;
                }
            }
        }

        private static bool Exits(IOperation operation)
        {
            while (operation is IBlockOperation { Operations.Length: 1 } block)
            {
                operation = block.Operations[0];
            }

            return operation is IBranchOperation or IReturnOperation or IThrowOperation
                || operation is IExpressionStatementOperation { Operation: IThrowOperation };
        }

        private void ScanSwitch(IOperation value, ISwitchCaseOperation switchCase, ISymbol element, EnumerationApis apis)
        {
            if (NameOf(value, element, apis) == NameForm.None)
            {
                return;
            }

            var before = _constants.Count;
            foreach (var clause in switchCase.Clauses)
            {
                if (clause is ISingleValueCaseClauseOperation { Value.ConstantValue: { HasValue: true, Value: string text } })
                {
                    _constants.Add(text);
                }
            }

            HasOpaqueNameTest |= _constants.Count == before;
        }

        private void ScanGuards(IOperation statement, ISymbol element, EnumerationApis apis)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && IsGuard(invocation.TargetMethod) && AnyArgument(invocation, element, apis, rawPathCounts: true))
                {
                    HasGuard = true;
                }
            }
        }

        private void Scan(IOperation condition, ISymbol element, EnumerationApis apis)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                        Compare(binary.LeftOperand, binary.RightOperand, element, apis);
                        break;
                    case IIsPatternOperation pattern when NameOf(pattern.Value, element, apis) != NameForm.None:
                        AddPatternConstants(pattern.Pattern);
                        break;
                    case IInvocationOperation invocation:
                        ScanInvocation(invocation, element, apis);
                        break;
                }
            }
        }

        private void ScanInvocation(IInvocationOperation invocation, ISymbol element, EnumerationApis apis)
        {
            var method = invocation.TargetMethod;
            if (IsGuard(method) && AnyArgument(invocation, element, apis, rawPathCounts: true))
            {
                HasGuard = true;
                return;
            }

            if (EnumerationApis.Is(method.ContainingType, apis.Regex) && method.Name.StartsWith("IsMatch", System.StringComparison.Ordinal))
            {
                HasOpaqueNameTest |= AnyArgument(invocation, element, apis, rawPathCounts: true);
                return;
            }

            if (method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                ScanStringMethod(invocation, element, apis);
                return;
            }

            // Any other test fed with the entry's name or extension ('allowed.Contains(Path.GetExtension(f))',
            // 'IsLogName(f.Name)') selects by name; one fed with the whole path may test anything (its age, say).
            if (method.ReturnType.SpecialType == SpecialType.System_Boolean && AnyArgument(invocation, element, apis, rawPathCounts: false))
            {
                HasOpaqueNameTest = true;
            }
        }

        private void ScanStringMethod(IInvocationOperation invocation, ISymbol element, EnumerationApis apis)
        {
            var method = invocation.TargetMethod;
            var arguments = invocation.Arguments;
            if (method.IsStatic)
            {
                if (method.Name is "Equals" or "Compare" && arguments.Length >= 2)
                {
                    Compare(arguments[0].Value, arguments[1].Value, element, apis);
                }

                return;
            }

            if (invocation.Instance is null || arguments.Length == 0 || method.Name is not ("EndsWith" or "StartsWith" or "Contains" or "Equals"))
            {
                return;
            }

            var form = NameOf(invocation.Instance, element, apis);
            if (form == NameForm.None || (form == NameForm.FullPath && method.Name is "StartsWith" or "Contains"))
            {
                // On the whole path these test the folder (a containment check), not the entry's name.
                return;
            }

            if (Constant(arguments[0].Value) is { } text)
            {
                _constants.Add(text);
            }
            else
            {
                HasOpaqueNameTest |= form == NameForm.Name;
            }
        }

        private void Compare(IOperation left, IOperation right, ISymbol element, EnumerationApis apis)
        {
            var leftForm = NameOf(left, element, apis);
            var rightForm = NameOf(right, element, apis);
            if (leftForm == NameForm.None && rightForm == NameForm.None)
            {
                return;
            }

            var other = leftForm == NameForm.None ? left : right;
            if (Constant(other) is { } text)
            {
                _constants.Add(text);
            }
            else if (!(other.ConstantValue.HasValue && other.ConstantValue.Value is null))
            {
                HasOpaqueNameTest |= leftForm == NameForm.Name || rightForm == NameForm.Name;
            }
        }

        private void AddPatternConstants(IPatternOperation pattern)
        {
            var before = _constants.Count;
            foreach (var operation in pattern.DescendantsAndSelf())
            {
                if (operation is IConstantPatternOperation { Value: { } value } && Constant(value) is { } text)
                {
                    _constants.Add(text);
                }
            }

            HasOpaqueNameTest |= _constants.Count == before;
        }

        private static string? Constant(IOperation operation)
            => operation.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0 ? text : null;

        private static bool AnyArgument(IInvocationOperation invocation, ISymbol element, EnumerationApis apis, bool rawPathCounts)
        {
            foreach (var argument in invocation.Arguments)
            {
                var form = NameOf(argument.Value, element, apis);
                if (form == NameForm.Name || (rawPathCounts && form == NameForm.FullPath))
                {
                    return true;
                }
            }

            return false;
        }

        private enum NameForm
        {
            None,

            /// <summary>The entry's path or FileSystemInfo itself.</summary>
            FullPath,

            /// <summary>Its file name, extension or name without extension.</summary>
            Name,
        }

        private static NameForm NameOf(IOperation? value, ISymbol element, EnumerationApis apis, int depth = 6)
        {
            while (value is not null && depth-- > 0)
            {
                value = value.WithoutConversions();
                switch (value)
                {
                    case IInvocationOperation invocation when IsNameExtraction(invocation, apis) && invocation.Arguments.Length == 1:
                        return NameOf(invocation.Arguments[0].Value, element, apis, depth) == NameForm.None ? NameForm.None : NameForm.Name;
                    case IInvocationOperation { Instance: { } instance } invocation
                        when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                             && invocation.TargetMethod.Name is "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" or "Trim":
                        value = instance;
                        break;
                    case IPropertyReferenceOperation { Property.Name: "Name" or "Extension", Instance: { } instance } when apis.IsInfo(instance.Type):
                        return NameOf(instance, element, apis, depth) == NameForm.None ? NameForm.None : NameForm.Name;
                    case ILocalReferenceOperation local when !SymbolEqualityComparer.Default.Equals(local.Local, element):
                        var assigned = LocalValue.TryGetSingleValue(local);
                        if (assigned is null)
                        {
                            return NameForm.None;
                        }

                        value = assigned;
                        break;
                    default:
                        return EnumeratedElements.ElementReference(value, apis, depth) is { } reference && Refers(reference, element) ? NameForm.FullPath : NameForm.None;
                }
            }

            return NameForm.None;
        }

        private static bool IsNameExtraction(IInvocationOperation invocation, EnumerationApis apis)
            => apis.IsPathMethod(invocation.TargetMethod, "GetFileName")
               || apis.IsPathMethod(invocation.TargetMethod, "GetExtension")
               || apis.IsPathMethod(invocation.TargetMethod, "GetFileNameWithoutExtension");

        private static bool Refers(IOperation reference, ISymbol element) => reference switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, element),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, element),
            _ => false,
        };

        /// <summary>PathSafety's own guard class, or a method the user marked [PathGuard].</summary>
        private static bool IsGuard(IMethodSymbol method)
        {
            if (method.ContainingType is { Name: "PathGuard", ContainingNamespace.Name: "PathSafety" })
            {
                return true;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "PathGuardAttribute" or "PathGuard")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
