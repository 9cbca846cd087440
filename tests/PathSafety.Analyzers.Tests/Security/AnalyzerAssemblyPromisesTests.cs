using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PathSafety.Analyzers.Tests.Security;

/// <summary>
/// docs/security.md promises that the analyzers and code fixes touch nothing outside the code they are given: no file
/// system, no network, no process, no environment, no telemetry, no native code. This reads the shipped assemblies'
/// metadata and fails on any reference to an API that could break that promise. Type names passed as strings (the
/// analyzers look up 'System.IO.File' by name to recognize calls to it) are not references and are allowed.
/// </summary>
public sealed class AnalyzerAssemblyPromisesTests
{
    /// <summary>Namespaces and types no member of which may be used.</summary>
    private static readonly string[] BannedTypePrefixes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo",
        "System.IO.FileStream", "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.DriveInfo",
        "System.IO.FileSystemWatcher", "System.IO.Enumeration.", "System.IO.MemoryMappedFiles.", "System.IO.Pipes.",
        "System.IO.IsolatedStorage.", "System.Net.", "System.Diagnostics.Process", "System.Diagnostics.Tracing.",
        "System.Diagnostics.Metrics.", "System.Diagnostics.ActivitySource", "System.Diagnostics.Trace",
        "System.Console", "System.AppDomain", "Microsoft.Win32.", "System.Runtime.InteropServices.NativeLibrary",
    ];

    /// <summary>Members of otherwise harmless types that read or change the machine's state.</summary>
    private static readonly string[] BannedMembers =
    [
        "System.Environment::GetEnvironmentVariable", "System.Environment::GetEnvironmentVariables",
        "System.Environment::SetEnvironmentVariable", "System.Environment::ExpandEnvironmentVariables",
        "System.Environment::get_CurrentDirectory", "System.Environment::set_CurrentDirectory",
        "System.Environment::GetFolderPath", "System.Environment::Exit", "System.Environment::FailFast",
        "System.IO.Path::GetFullPath", "System.IO.Path::GetTempPath", "System.IO.Path::GetTempFileName",
        "System.Reflection.Assembly::LoadFrom", "System.Reflection.Assembly::LoadFile", "System.Reflection.Assembly::UnsafeLoadFrom",
    ];

    [Theory]
    [InlineData("PathSafety.Analyzers")]
    [InlineData("PathSafety.CodeFixes")]
    public void Assembly_references_no_file_network_process_environment_or_telemetry_API(string assemblyName)
    {
        var violations = ReferencedMembers(assemblyName).Where(IsBanned).Order(StringComparer.Ordinal).ToList();

        Assert.True(violations.Count == 0, assemblyName + " references:\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("PathSafety.Analyzers")]
    [InlineData("PathSafety.CodeFixes")]
    public void Assembly_calls_no_native_code(string assemblyName)
    {
        using var pe = Open(assemblyName);
        var reader = pe.GetMetadataReader();

        Assert.Equal(0, reader.GetTableRowCount(TableIndex.ModuleRef));
        Assert.DoesNotContain(reader.MethodDefinitions, m => (reader.GetMethodDefinition(m).Attributes & MethodAttributes.PinvokeImpl) != 0);
        Assert.True(pe.PEHeaders.CorHeader!.Flags.HasFlag(CorFlags.ILOnly), assemblyName + " must be IL only");
    }

    [Fact]
    public void The_inspection_sees_what_an_assembly_really_calls()
    {
        // The analyzers must register their actions, and this test assembly reads repository files: both show up.
        Assert.Contains("Microsoft.CodeAnalysis.Diagnostics.AnalysisContext::EnableConcurrentExecution", ReferencedMembers("PathSafety.Analyzers"));
        var own = ReferencedMembers(typeof(AnalyzerAssemblyPromisesTests).Assembly.GetName().Name!).ToList();
        Assert.Contains("System.IO.File::ReadAllText", own);
        Assert.Contains(own, IsBanned);
    }

    private static bool IsBanned(string member)
    {
        var type = member.Split("::")[0];
        return BannedMembers.Contains(member, StringComparer.Ordinal)
            || BannedTypePrefixes.Any(prefix => prefix.EndsWith('.')
                ? type.StartsWith(prefix, StringComparison.Ordinal)
                : type == prefix || type.StartsWith(prefix + "+", StringComparison.Ordinal)
                    || type.StartsWith(prefix + "`", StringComparison.Ordinal));
    }

    /// <summary>Every member the assembly references ('Type::Member'), plus every referenced type ('Type::').</summary>
    private static IEnumerable<string> ReferencedMembers(string assemblyName)
    {
        using var pe = Open(assemblyName);
        var reader = pe.GetMetadataReader();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            result.Add(TypeName(reader, member.Parent) + "::" + reader.GetString(member.Name));
        }

        foreach (var handle in reader.TypeReferences)
        {
            result.Add(TypeName(reader, handle) + "::");
        }

        return result;
    }

    private static string TypeName(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)handle);
                return reference.ResolutionScope.Kind == HandleKind.TypeReference
                    ? TypeName(reader, (EntityHandle)reference.ResolutionScope) + "+" + reader.GetString(reference.Name)
                    : Qualified(reader.GetString(reference.Namespace), reader.GetString(reference.Name));
            case HandleKind.TypeDefinition:
                var definition = reader.GetTypeDefinition((TypeDefinitionHandle)handle);
                var declaring = definition.GetDeclaringType();
                return declaring.IsNil
                    ? Qualified(reader.GetString(definition.Namespace), reader.GetString(definition.Name))
                    : TypeName(reader, declaring) + "+" + reader.GetString(definition.Name);
            case HandleKind.TypeSpecification:
                // A generic instantiation ('List<string>') names its generic type right after two type codes.
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
                {
                    blob.ReadSignatureTypeCode();
                    return TypeName(reader, blob.ReadTypeHandle());
                }

                return "<type specification>";
            default:
                return "<" + handle.Kind + ">";
        }
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    private static PEReader Open(string assemblyName)
        => new(File.OpenRead(Assembly.Load(new AssemblyName(assemblyName)).Location));
}
