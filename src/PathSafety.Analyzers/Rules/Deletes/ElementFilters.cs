using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// The name tests that decide whether an enumerated entry is deleted: conditions that dominate the delete
/// in the loop body ('if (Path.GetExtension(f) == ".log")', 'if (!f.Name.StartsWith("cache-")) continue;')
/// and LINQ predicates before the loop. Age and size tests are not name tests: they select old files,
/// not the right kind of file.
/// </summary>
internal sealed class ElementFilters
{
    private readonly List<NameTest> _tests = new();
    private readonly EnumerationApis _apis;
    private readonly GuardMethods _guards;
    private ISymbol _element;

    private ElementFilters(ISymbol element, EnumerationApis apis, GuardMethods guards)
    {
        _element = element;
        _apis = apis;
        _guards = guards;
    }

    /// <summary>The name tests whose names are known.</summary>
    public IReadOnlyList<NameTest> NameTests => _tests;

    /// <summary>A name test whose names are not known (a regex, a set of extensions, a configured value).</summary>
    public bool HasOpaqueNameTest { get; private set; }

    /// <summary>A guard method (see <see cref="GuardMethods"/>) is called with the entry.</summary>
    public bool HasGuard { get; private set; }

    public bool HasNameFilter => _tests.Count > 0 || HasOpaqueNameTest;

    public static ElementFilters Find(EnumeratedElement element, IOperation delete, EnumerationApis apis, GuardMethods guards)
    {
        var filters = new ElementFilters(element.Element, apis, guards);
        foreach (var predicate in element.Predicates)
        {
            // A method group ('Where(IsOld)') gets the whole path, like 'if (IsOld(f))' in the loop: not a name test.
            if (predicate is IAnonymousFunctionOperation { Symbol.Parameters: { Length: > 0 } parameters } lambda)
            {
                var returned = EnumeratedElements.ReturnedValue(lambda);
                var isWhere = lambda.Parent?.Parent?.Parent is IInvocationOperation { TargetMethod.Name: "Where" or "TakeWhile" };
                filters._element = parameters[0];
                filters.Scan(returned ?? lambda.Body, keeps: returned is not null && isWhere ? true : null);
            }
        }

        filters._element = element.Element;
        filters.ScanDominating(element.Body, delete);

        // 'if (f.EndsWith(".log")) list.Add(f);' decides which entries the later loop over 'list' deletes.
        foreach (var loop in element.EarlierLoops)
        {
            filters._element = loop.Element;
            filters.ScanDominating(loop.Body, loop.Store);
        }

        return filters;
    }

    // A cheap structured stand-in for dominance: the conditions of the ifs and switches the delete sits in,
    // and the 'if (...) continue;' style early exits and guard calls that come before it in the body.
    private void ScanDominating(IOperation body, IOperation delete)
    {
        var child = delete;
        for (var parent = delete.Parent; parent is not null && child != body; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child != conditional.Condition:
                    Scan(conditional.Condition, keeps: child == conditional.WhenTrue);
                    break;
                case ISwitchCaseOperation { Parent: ISwitchOperation switchOperation } switchCase:
                    ScanSwitch(switchOperation.Value, switchCase);
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
                            Scan(early.Condition, keeps: false);
                        }
                        else
                        {
                            ScanGuards(statement);
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

    private void ScanSwitch(IOperation value, ISwitchCaseOperation switchCase)
    {
        var form = NameOf(value);
        if (form is NameForm.None or NameForm.Derived)
        {
            HasOpaqueNameTest |= form == NameForm.Derived;
            return;
        }

        var before = _tests.Count;
        foreach (var clause in switchCase.Clauses)
        {
            if (clause is ISingleValueCaseClauseOperation { Value: { } caseValue } && Constant(caseValue) is { } text)
            {
                _tests.Add(new NameTest(NameTest.GlobFor(form, "Equals", text), keeps: true));
            }
        }

        HasOpaqueNameTest |= _tests.Count == before;
    }

    private void ScanGuards(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && IsGuard(invocation) && AnyArgument(invocation, rawPathCounts: true))
            {
                HasGuard = true;
            }
        }
    }

    // 'keeps' says whether the condition being true lets the delete run; '!' flips it, and '&&' (when true
    // is needed) or '||' (when false is needed) pass it on to both sides. Elsewhere the direction is lost.
    private void Scan(IOperation condition, bool? keeps)
    {
        condition = condition.WithoutConversions();
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Scan(not.Operand, Flip(keeps));
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                Scan(and.LeftOperand, keeps == true ? true : null);
                Scan(and.RightOperand, keeps == true ? true : null);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                Scan(or.LeftOperand, keeps == false ? false : null);
                Scan(or.RightOperand, keeps == false ? false : null);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                when Compare(binary.LeftOperand, binary.RightOperand, binary.OperatorKind == BinaryOperatorKind.Equals ? keeps : Flip(keeps)):
                return;
            case IIsPatternOperation pattern when NameOf(pattern.Value) is NameForm.Derived:
                HasOpaqueNameTest = true;
                return;
            case IIsPatternOperation pattern when NameOf(pattern.Value) is var form && form != NameForm.None:
                var before = _tests.Count;
                AddPatternTests(pattern.Pattern, form, keeps);
                HasOpaqueNameTest |= _tests.Count == before;
                return;
            case IInvocationOperation invocation when ScanInvocation(invocation, keeps):
                return;
        }

        foreach (var child in condition.ChildOperations)
        {
            Scan(child, keeps: null);
        }
    }

    private static bool? Flip(bool? keeps) => keeps is null ? null : !keeps.Value;

    // True when the invocation was a test this class understands (so its arguments need no further look).
    private bool ScanInvocation(IInvocationOperation invocation, bool? keeps)
    {
        var method = invocation.TargetMethod;
        if (IsGuard(invocation) && AnyArgument(invocation, rawPathCounts: true))
        {
            HasGuard = true;
            return true;
        }

        if (KnownSymbols.Is(method.ContainingType, _apis.Regex) && method.Name == "IsMatch")
        {
            HasOpaqueNameTest |= AnyArgument(invocation, rawPathCounts: true);
            return true;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            return ScanStringMethod(invocation, keeps);
        }

        // Any other test fed with the entry's name or extension ('allowed.Contains(Path.GetExtension(f))',
        // 'IsLogName(f.Name)') selects by name; one fed with the whole path may test anything (its age, say).
        if (method.ReturnType.SpecialType == SpecialType.System_Boolean && AnyArgument(invocation, rawPathCounts: false))
        {
            HasOpaqueNameTest = true;
            return true;
        }

        return false;
    }

    private bool ScanStringMethod(IInvocationOperation invocation, bool? keeps)
    {
        var method = invocation.TargetMethod;
        var arguments = invocation.Arguments;
        if (method.IsStatic)
        {
            return method.Name == "Equals" && arguments.Length >= 2 && Compare(arguments[0].Value, arguments[1].Value, keeps);
        }

        if (invocation.Instance is null || arguments.Length == 0 || method.Name is not ("EndsWith" or "StartsWith" or "Contains" or "Equals"))
        {
            return false;
        }

        var form = NameOf(invocation.Instance);
        if (form == NameForm.None || (form == NameForm.FullPath && method.Name is "StartsWith" or "Contains"))
        {
            // On the whole path these test the folder (a containment check), not the entry's name.
            return false;
        }

        if (form == NameForm.Derived && keeps == false && Constant(arguments[0].Value) is not null)
        {
            // Skipping the names whose derived text matches a constant lets every other name through: no filter.
            return true;
        }

        if (form != NameForm.Derived && Constant(arguments[0].Value) is { } text)
        {
            _tests.Add(new NameTest(NameTest.GlobFor(form, method.Name, text), keeps));
        }
        else
        {
            HasOpaqueNameTest |= form != NameForm.FullPath;
        }

        return true;
    }

    private bool Compare(IOperation left, IOperation right, bool? keeps)
    {
        var leftForm = NameOf(left);
        var form = leftForm == NameForm.None ? NameOf(right) : leftForm;
        if (form == NameForm.None)
        {
            return false;
        }

        var other = leftForm == NameForm.None ? left : right;
        if (form == NameForm.Derived && keeps == false && Constant(other) is not null)
        {
            return true;
        }

        if (form != NameForm.Derived && Constant(other) is { } text)
        {
            _tests.Add(new NameTest(NameTest.GlobFor(form, "Equals", text), keeps));
        }
        else if (!(other.ConstantValue.HasValue && other.ConstantValue.Value is null))
        {
            HasOpaqueNameTest |= form != NameForm.FullPath;
        }

        return true;
    }

    private void AddPatternTests(IPatternOperation pattern, NameForm form, bool? keeps)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value: { } value } when Constant(value) is { } text:
                _tests.Add(new NameTest(NameTest.GlobFor(form, "Equals", text), keeps));
                break;
            case INegatedPatternOperation negated:
                AddPatternTests(negated.Pattern, form, Flip(keeps));
                break;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                // Like '||': each alternative alone decides only when a match means "skip".
                AddPatternTests(or.LeftPattern, form, keeps == false ? false : null);
                AddPatternTests(or.RightPattern, form, keeps == false ? false : null);
                break;
        }
    }

    private static string? Constant(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0 ? text : null;

    private bool AnyArgument(IInvocationOperation invocation, bool rawPathCounts)
    {
        foreach (var argument in invocation.Arguments)
        {
            var form = NameOf(argument.Value);
            if (form is NameForm.FileName or NameForm.Extension or NameForm.Stem or NameForm.Derived || (rawPathCounts && form == NameForm.FullPath))
            {
                return true;
            }
        }

        return false;
    }

    private NameForm NameOf(IOperation? value, int depth = 6)
    {
        while (value is not null && depth-- > 0)
        {
            value = value.WithoutConversions();
            switch (value)
            {
                case IInvocationOperation invocation when Extraction(invocation) is { } extracted && invocation.Arguments.Length == 1:
                    return NameOf(invocation.Arguments[0].Value, depth) switch
                    {
                        NameForm.None => NameForm.None,
                        NameForm.Derived => NameForm.Derived,
                        _ => extracted,
                    };
                case IInvocationOperation { Instance: { } instance } invocation
                    when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                         && invocation.TargetMethod.Name is "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" or "Trim":
                    value = instance;
                    break;
                case IInvocationOperation { Instance: { } instance } invocation
                    when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                         && invocation.TargetMethod.ReturnType.SpecialType == SpecialType.System_String:
                    // 'name.Replace(".bak", "")': still chosen by name, but by no glob PathSafety can tell.
                    return NameOf(instance, depth) is NameForm.FileName or NameForm.Extension or NameForm.Stem or NameForm.Derived
                        ? NameForm.Derived
                        : NameForm.None;
                case IPropertyReferenceOperation { Property.Name: "Name" or "Extension", Instance: { } instance } property
                    when _apis.IsInfo(instance.Type):
                    var form = property.Property.Name == "Name" ? NameForm.FileName : NameForm.Extension;
                    return NameOf(instance, depth) == NameForm.None ? NameForm.None : form;
                case ILocalReferenceOperation local when !SymbolEqualityComparer.Default.Equals(local.Local, _element):
                    value = LocalAssignments.TryGetSingleValue(local);
                    break;
                default:
                    return EnumeratedElements.ElementReference(value, _apis, depth) is { } reference && Refers(reference)
                        ? NameForm.FullPath
                        : NameForm.None;
            }
        }

        return NameForm.None;
    }

    private NameForm? Extraction(IInvocationOperation invocation)
        => _apis.IsPathMethod(invocation.TargetMethod, "GetFileName") ? NameForm.FileName
            : _apis.IsPathMethod(invocation.TargetMethod, "GetExtension") ? NameForm.Extension
            : _apis.IsPathMethod(invocation.TargetMethod, "GetFileNameWithoutExtension") ? NameForm.Stem
            : null;

    private bool Refers(IOperation reference) => reference switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, _element),
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, _element),
        _ => SymbolEqualityComparer.Default.Equals(EnumeratedElements.IndexedLocal(reference, _apis), _element),
    };

    private bool IsGuard(IInvocationOperation invocation)
        => _guards.GetKind(invocation.TargetMethod, invocation.Syntax.SyntaxTree) != GuardMethodKind.None;
}
