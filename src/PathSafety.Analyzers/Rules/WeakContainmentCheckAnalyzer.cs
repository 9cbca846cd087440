using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Knowledge;
using PathSafety.Analyzers.Knowledge.Guards;

namespace PathSafety.Analyzers.Rules
{
    /// <summary>
    /// PS0007: a containment check that a path outside the folder can pass. Only checks that act as a path
    /// guard are judged: the condition of a branch (or a bool local) in a method that hands the checked path
    /// to a file-system API, or any check inside a guard method. Applies everywhere.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakContainmentCheckAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.WeakContainmentCheck);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(AnalysisDefaults.GeneratedCode);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var known = KnownSymbols.Create(start.Compilation);
                if (known.Path is null)
                {
                    return;
                }

                var guards = ContainmentGuards.Create(known, start.Options);
                var deletes = DeleteApis.Create(start.Compilation);
                // Per type: a root held in a field is judged once every assignment of the type has been seen.
                start.RegisterSymbolStartAction(
                    typeStart =>
                    {
                        var members = new MemberRoots((INamedTypeSymbol)typeStart.Symbol);
                        var deferred = new ConcurrentQueue<DeferredCheck>();
                        typeStart.RegisterOperationAction(
                            c => members.Add(c.Operation),
                            OperationKind.FieldInitializer,
                            OperationKind.PropertyInitializer,
                            OperationKind.SimpleAssignment,
                            OperationKind.CompoundAssignment);
                        typeStart.RegisterOperationBlockStartAction(block =>
                        {
                            var checks = new BlockChecks(guards, deletes, members, deferred);
                            block.RegisterOperationAction(c => checks.Add((IInvocationOperation)c.Operation), OperationKind.Invocation);
                            block.RegisterOperationBlockEndAction(checks.Report);
                        });
                        typeStart.RegisterSymbolEndAction(end => ReportDeferred(end, members, deferred, guards));
                    },
                    SymbolKind.NamedType);
            });
        }

        private static void ReportDeferred(SymbolAnalysisContext context, MemberRoots members, ConcurrentQueue<DeferredCheck> deferred, ContainmentGuards guards)
        {
            var noLocals = AssignmentTable.Collect(ImmutableArray<IOperation>.Empty);
            foreach (var check in deferred)
            {
                var missing = check.Missing;
                if (members.All(check.RootMember, value => ContainmentCheckIngredients.EndsWithSeparator(value, guards, noLocals)))
                {
                    missing &= ~MissingIngredient.TrailingSeparator;
                }

                if (missing != MissingIngredient.None)
                {
                    context.ReportDiagnostic(Create(check.Location, missing));
                }
            }
        }

        private static Diagnostic Create(Location location, MissingIngredient missing)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ContainmentCheckIngredients.PropertyName, ContainmentCheckIngredients.ToLetters(missing));
            return Diagnostic.Create(DiagnosticDescriptors.WeakContainmentCheck, location, properties, ContainmentCheckIngredients.Describe(missing));
        }

        /// <summary>The candidate checks of one operation block, judged when the whole block has been seen.</summary>
        private sealed class BlockChecks
        {
            private readonly ContainmentGuards _guards;
            private readonly DeleteApis _deletes;
            private readonly MemberRoots _members;
            private readonly ConcurrentQueue<DeferredCheck> _deferred;
            private readonly List<IInvocationOperation> _candidates = new List<IInvocationOperation>();
            private bool _hasRealCheck;

            public BlockChecks(ContainmentGuards guards, DeleteApis deletes, MemberRoots members, ConcurrentQueue<DeferredCheck> deferred)
            {
                _guards = guards;
                _deletes = deletes;
                _members = members;
                _deferred = deferred;
            }

            public void Add(IInvocationOperation invocation)
            {
                var kind = GetKind(invocation);
                if (kind == CheckKind.None)
                {
                    return;
                }

                lock (_candidates)
                {
                    _hasRealCheck |= kind is CheckKind.Prefix or CheckKind.Real;
                    if (kind != CheckKind.Real)
                    {
                        _candidates.Add(invocation);
                    }
                }
            }

            public void Report(OperationBlockAnalysisContext context)
            {
                List<IInvocationOperation> candidates;
                bool hasRealCheck;
                lock (_candidates)
                {
                    candidates = new List<IInvocationOperation>(_candidates);
                    hasRealCheck = _hasRealCheck;
                }

                if (candidates.Count == 0)
                {
                    return;
                }

                var locals = AssignmentTable.Collect(context.OperationBlocks);
                var uses = FileSystemUses.Collect(context.OperationBlocks, _guards, _deletes, locals);
                var conditionLocals = CollectConditionLocals(context.OperationBlocks);
                var inGuardMethod = context.OwningSymbol is IMethodSymbol owner
                                    && _guards.Methods.GetKind(owner, candidates[0].Syntax.SyntaxTree) != GuardMethodKind.None;

                foreach (var check in candidates)
                {
                    var missing = Judge(check, GetKind(check), uses, locals, conditionLocals, inGuardMethod, hasRealCheck);
                    if ((missing & MissingIngredient.TrailingSeparator) != 0 && _members.GetMember(check.Arguments[0].Value) is { } member)
                    {
                        _deferred.Enqueue(new DeferredCheck(check.Syntax.GetLocation(), missing, member));
                    }
                    else if (missing != MissingIngredient.None)
                    {
                        context.ReportDiagnostic(Create(check.Syntax.GetLocation(), missing));
                    }
                }
            }

            private MissingIngredient Judge(IInvocationOperation check, CheckKind kind, FileSystemUses uses, AssignmentTable locals, HashSet<ISymbol> conditionLocals, bool inGuardMethod, bool hasRealCheck)
            {
                switch (kind)
                {
                    case CheckKind.Prefix:
                        if (!IsGuardCondition(check, inGuardMethod, conditionLocals) || IsExclusion(check) || !(inGuardMethod || uses.Reaches(_guards.GetCheckedSubject(check.Instance))))
                        {
                            return MissingIngredient.None;
                        }

                        var missing = MissingIngredient.None;
                        if (!ContainmentCheckIngredients.EndsWithSeparator(check.Arguments[0].Value, _guards, locals))
                        {
                            missing |= MissingIngredient.TrailingSeparator;
                        }

                        if (!ContainmentCheckIngredients.IsNormalized(check.Instance, _guards, locals))
                        {
                            missing |= MissingIngredient.Normalization;
                        }

                        if (ContainmentCheckIngredients.IsCultureSensitive(check))
                        {
                            missing |= MissingIngredient.OrdinalComparison;
                        }

                        return missing;

                    case CheckKind.ParentFilter:
                        return !hasRealCheck
                               && IsGuardCondition(check, inGuardMethod, conditionLocals)
                               && (inGuardMethod || uses.Reaches(ContainmentGuards.SymbolOf(check.Instance)))
                            ? MissingIngredient.ContainmentCheck
                            : MissingIngredient.None;

                    case CheckKind.FullPathWithBase:
                        return uses.IsDeletedUnchecked(check) ? MissingIngredient.RootIgnored : MissingIngredient.None;

                    default:
                        return MissingIngredient.None;
                }
            }

            private CheckKind GetKind(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (_guards.IsStringMethod(method, "StartsWith") && !method.IsStatic && invocation.Arguments.Length > 0)
                {
                    var prefix = invocation.Arguments[0].Value;

                    // 'relative.StartsWith("..")' is the GetRelativePath form, which is sound.
                    if (prefix.ConstantValue is { HasValue: true, Value: string text } && text.StartsWith("..", System.StringComparison.Ordinal))
                    {
                        return CheckKind.Real;
                    }

                    return ContainmentGuards.IsFolderPrefix(prefix) ? CheckKind.Prefix : CheckKind.None;
                }

                if (_guards.IsStringMethod(method, "Contains") && !method.IsStatic && invocation.Arguments.Length > 0
                    && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string parent } && parent.StartsWith("..", System.StringComparison.Ordinal))
                {
                    return CheckKind.ParentFilter;
                }

                if (_guards.Known.IsPathMethod(method, "GetFullPath") && invocation.Arguments.Length == 2)
                {
                    return CheckKind.FullPathWithBase;
                }

                return _guards.Known.IsPathMethod(method, "GetRelativePath") || _guards.Methods.TryGetGuardCall(invocation, out _) != GuardMethodKind.None
                    ? CheckKind.Real
                    : CheckKind.None;
            }

            /// <summary>Locals read by the condition of an if, a conditional or a loop.</summary>
            private static HashSet<ISymbol> CollectConditionLocals(ImmutableArray<IOperation> blocks)
            {
                var locals = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var block in blocks)
                {
                    foreach (var operation in block.DescendantsAndSelf())
                    {
                        var condition = operation switch
                        {
                            IConditionalOperation conditional => conditional.Condition,
                            IWhileLoopOperation loop => loop.Condition,
                            IForLoopOperation loop => loop.Condition,
                            _ => null,
                        };

                        foreach (var read in condition?.DescendantsAndSelf() ?? Enumerable.Empty<IOperation>())
                        {
                            if (read is ILocalReferenceOperation local)
                            {
                                locals.Add(local.Local);
                            }
                        }
                    }
                }

                return locals;
            }

            /// <summary>
            /// 'if (full.StartsWith(keep)) continue;': when the check passing implies the branch that only leaves
            /// (continue, break, return without a value, throw), the check keeps paths away from what follows; it
            /// proves nothing about the rest, and a path wrongly passing it is skipped, not deleted.
            /// </summary>
            private static bool IsExclusion(IOperation check)
            {
                bool? implied = true;
                var current = check;
                while (current.Parent is { } parent && parent is not IConditionalOperation && implied is bool value)
                {
                    implied = parent switch
                    {
                        IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } => !value,
                        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } => value ? true : null,
                        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } => value ? null : false,
                        IConversionOperation or IParenthesizedOperation => value,
                        _ => null,
                    };
                    current = parent;
                }

                if (current.Parent is not IConditionalOperation conditional || conditional.Condition != current)
                {
                    return false;
                }

                return implied switch
                {
                    true => OnlyLeaves(conditional.WhenTrue),
                    false => conditional.WhenFalse is { } whenFalse && OnlyLeaves(whenFalse),
                    _ => false,
                };
            }

            private static bool OnlyLeaves(IOperation branch)
            {
                while (branch is IBlockOperation { Operations.Length: 1 } block)
                {
                    branch = block.Operations[0];
                }

                return branch switch
                {
                    IBranchOperation => true,
                    IReturnOperation { ReturnedValue: null } => true,
                    IReturnOperation { ReturnedValue: { } returned } => returned.ConstantValue.HasValue,
                    IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => true,
                    _ => false,
                };
            }

            /// <summary>
            /// The check decides a branch: it is (under '!', '&amp;&amp;', '||' or a comparison with a bool) the
            /// condition of an if, a conditional or a loop, or the value of a bool local that such a condition reads;
            /// in a guard method, also its return value.
            /// </summary>
            private static bool IsGuardCondition(IOperation check, bool inGuardMethod, HashSet<ISymbol> conditionLocals)
            {
                var current = check;
                var parent = check.Parent;
                while (parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }
                       or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }
                       or IConversionOperation
                       or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                return parent switch
                {
                    IConditionalOperation conditional => conditional.Condition == current,
                    IWhileLoopOperation loop => loop.Condition == current,
                    IForLoopOperation loop => loop.Condition == current,
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => conditionLocals.Contains(declarator.Symbol),
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => conditionLocals.Contains(local.Local),
                    IReturnOperation => inGuardMethod,
                    _ => false,
                };
            }
        }

        private enum CheckKind
        {
            None,
            Prefix,
            ParentFilter,
            FullPathWithBase,

            /// <summary>A sound check (GetRelativePath, a guard method): its presence makes a '..' filter not the only check.</summary>
            Real,
        }
    }
}
