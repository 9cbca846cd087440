using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Scope;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.RelativePaths;

/// <summary>
/// PS0001: in maintenance code, a path argument of a file-system API whose value is relative on some path,
/// so it resolves against the current directory (which a service manager, scheduler or installer sets).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RelativePathAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property the code fix reads: the argument is a constant it can anchor in place.</summary>
    internal const string FixableProperty = "PathSafety.AnchorToBaseDirectory";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RelativePath);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(AnalysisDefaults.GeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var apis = PathApis.GetOrCreate(start.Compilation);
            if (!apis.AnyAvailable)
            {
                return;
            }

            var scope = MaintenanceCode.GetOrCreate(start.Compilation, start.Options);
            var values = PathValue.Create(start.Compilation);
            var deletes = DeleteApis.GetOrCreate(start.Compilation);
            start.RegisterOperationAction(c => Analyze(c, apis, scope, values, deletes), OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, PathApis apis, MaintenanceCode scope, PathValue values, DeleteApis deletes)
    {
        // The scope question walks the method; most path arguments are parameters or framework values, settled first.
        if (!apis.TryGetPathArguments(context.Operation, out var apiName, out var arguments) || !AnyMayBeRelative(arguments, values))
        {
            return;
        }

        // Outside maintenance code only a delete's own path is judged; an API inside its argument is not, so the
        // relative text is reported here ('File.Delete(Path.GetFullPath("x"))').
        var onlyTheDelete = !scope.IsMaintenanceCode(context.ContainingSymbol, context.Operation);
        if (onlyTheDelete && !(NamesWhatIsDeleted(context.Operation, deletes)
                               && scope.JudgesRelativeDelete(context.ContainingSymbol, context.Operation.Syntax.SyntaxTree)))
        {
            return;
        }

        foreach (var argument in arguments)
        {
            var info = values.Classify(argument.Value);
            if (!info.IsRelativeOnSomePath || (!onlyTheDelete && IsReportedAtAnotherApi(info, argument, apis)))
            {
                continue;
            }

            var location = argument.Value.Syntax.GetLocation();
            var writtenAt = WrittenElsewhere(info, argument, context.Compilation);
            var properties = IsFixable(info, argument)
                ? ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RelativePath,
                location,
                writtenAt is null ? null : new[] { writtenAt },
                properties,
                apiName,
                info.Display,
                info.Condition.Length == 0 ? string.Empty : " " + info.Condition));
        }
    }

    private static bool AnyMayBeRelative(ImmutableArray<IArgumentOperation> arguments, PathValue values)
    {
        foreach (var argument in arguments)
        {
            if (values.MayBeRelative(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A delete that takes the path ('File.Delete(p)', 'Directory.Delete(p, true)', 'fileSystem.File.Delete(p)'), or the
    /// FileInfo/DirectoryInfo made on the spot for a delete ('new DirectoryInfo(p).Delete(true)'): judged everywhere, not
    /// only in maintenance code (docs/maintenance-code.md).
    /// </summary>
    private static bool NamesWhatIsDeleted(IOperation operation, DeleteApis deletes)
    {
        if (operation is IInvocationOperation invocation)
        {
            return deletes.TryGetDeleteSite(invocation, out var site) && site?.TargetKind == DeleteTargetKind.PathArgument;
        }

        var user = operation.Parent;
        while (user is IConversionOperation or IParenthesizedOperation)
        {
            user = user.Parent;
        }

        return user is IInvocationOperation { Instance: { } instance } delete
               && instance.WithoutConversions() == operation
               && deletes.TryGetDeleteSite(delete, out var infoSite) && infoSite?.TargetKind == DeleteTargetKind.InfoInstance;
    }

    /// <summary>
    /// 'File.Delete(Path.GetFullPath("logs"))': the relative text is reported where it is passed to the inner
    /// API, once, not again for every API its result flows into.
    /// </summary>
    private static bool IsReportedAtAnotherApi(PathValueInfo info, IArgumentOperation argument, PathApis apis)
    {
        for (var current = info.Source?.Parent; current is not null && current != argument; current = current.Parent)
        {
            if (current is IArgumentOperation inner && apis.IsPathArgument(inner))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the relative text was written, when not inside the argument: an extra location of the finding. Only in
    /// this compilation: in the IDE a project reference is source too, and the driver refuses a location in another
    /// project's file (AD0001).
    /// </summary>
    private static Location? WrittenElsewhere(PathValueInfo info, IArgumentOperation argument, Compilation compilation)
    {
        var location = info.WrittenAt ?? info.Source?.Syntax.GetLocation();
        if (location is null || !location.IsInSource || location.SourceTree is not { } tree || !compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        var argumentSyntax = argument.Value.Syntax;
        return location.SourceTree == argumentSyntax.SyntaxTree && argumentSyntax.Span.Contains(location.SourceSpan) ? null : location;
    }

    /// <summary>
    /// A constant written at the argument ('"logs"', a const) that 'Path.Combine(AppContext.BaseDirectory, ...)'
    /// anchors without changing its meaning: not '~/x' (no expansion either way) or '\x' and 'C:x' (rooted, so
    /// Combine would drop the base).
    /// </summary>
    private static bool IsFixable(PathValueInfo info, IArgumentOperation argument)
        => info.Kind == PathValueKind.Relative
           && argument.Value.WithoutImplicitConversions().ConstantValue is { HasValue: true, Value: string text }
           && !PathText.IsRootedOnAnyPlatform(text)
           && !text.StartsWith("~", System.StringComparison.Ordinal);
}
