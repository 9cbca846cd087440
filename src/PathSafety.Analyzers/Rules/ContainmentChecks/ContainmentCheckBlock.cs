using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// PS0007's judgement of the containment checks of one operation block: which candidate checks act as a guard
/// and which ingredients each lacks. Built once per block, on the first candidate check the driver hands the
/// analyzer, by walking that block; blocks without a candidate never get one.
/// </summary>
internal sealed class ContainmentCheckBlock
{
    private readonly Dictionary<IInvocationOperation, MissingIngredient> _verdicts = new Dictionary<IInvocationOperation, MissingIngredient>();

    private ContainmentCheckBlock()
    {
    }

    /// <summary>The name test every invocation passes through first: only these three can be a PS0007 candidate.</summary>
    public static bool MayBeCandidate(IMethodSymbol method)
        => method.Name is "StartsWith" or "Contains" or "GetFullPath";

    public MissingIngredient this[IInvocationOperation check] => _verdicts.TryGetValue(check, out var missing) ? missing : MissingIngredient.None;

    public static ContainmentCheckBlock Judge(IOperation root, ISymbol owner, ContainmentCheckJudge judge)
    {
        var result = new ContainmentCheckBlock();
        var candidates = new List<(IInvocationOperation Check, CheckKind Kind)>();
        var hasRealCheck = false;
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && judge.GetKind(invocation) is var kind and not CheckKind.None)
            {
                hasRealCheck |= kind is CheckKind.Prefix or CheckKind.Real;
                if (kind != CheckKind.Real)
                {
                    candidates.Add((invocation, kind));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return result;
        }

        var blocks = ImmutableArray.Create(root);
        var locals = AssignmentTable.Collect(blocks);
        var uses = FileSystemUses.Collect(blocks, judge.Guards, judge.Deletes, locals);
        var conditionLocals = CollectConditionLocals(blocks);
        var inGuardMethod = owner is IMethodSymbol method && judge.Guards.Methods.IsMarked(method, root.Syntax.SyntaxTree);
        foreach (var (check, kind) in candidates)
        {
            var missing = judge.Judge(check, kind, owner, uses, locals, conditionLocals, inGuardMethod, hasRealCheck);
            if ((missing & MissingIngredient.TrailingSeparator) != 0 && judge.EndsWithSeparatorEverywhere(check.Arguments[0].Value, owner))
            {
                missing &= ~MissingIngredient.TrailingSeparator;
            }

            result._verdicts[check] = missing;
        }

        return result;
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
    public static bool IsExclusion(IOperation check)
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
    public static bool IsGuardCondition(IOperation check, bool inGuardMethod, HashSet<ISymbol> conditionLocals)
    {
        var current = check;
        var parent = check.Parent;
        while (parent is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }
               or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Equals
                   or BinaryOperatorKind.NotEquals }
               or IConversionOperation
               or IParenthesizedOperation
               or IConditionalAccessOperation)
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
