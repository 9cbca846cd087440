using System.Text.RegularExpressions;

namespace PathSafety.RealCode;

/// <summary>
/// A snapshot's projects as a user's build sees them, approximately: a source file belongs to the project of the nearest
/// enclosing folder that holds a '.csproj' (several project files in one folder are one project); a project's build
/// files are its project files plus every 'Directory.Build.props'/'.targets' in its folder or above it; it references
/// the projects its build files name in '&lt;ProjectReference Include&gt;' items. Files under no project folder form one
/// project of their own ("" folder when no project sits at the root).
/// </summary>
internal sealed class ProjectGraph
{
    private readonly Dictionary<string, List<SnapshotFile>> _buildFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _references = new(StringComparer.Ordinal);

    private ProjectGraph(Snapshot snapshot)
    {
        var projectFiles = snapshot.BuildFiles.Where(f => f.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        var directoryFiles = snapshot.BuildFiles.Where(f => !f.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var project in projectFiles.GroupBy(f => Folder(f.Path), StringComparer.Ordinal))
        {
            _buildFiles[project.Key] = [.. project, .. directoryFiles.Where(d => IsAtOrAbove(Folder(d.Path), project.Key))];
        }

        if (!_buildFiles.ContainsKey(""))
        {
            _buildFiles[""] = directoryFiles.Where(d => Folder(d.Path).Length == 0).ToList();
        }

        // A reference that names an MSBuild property cannot be resolved by path; its project file name usually is unique.
        var byName = projectFiles.GroupBy(f => Path.GetFileName(f.Path), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => Folder(g.Single().Path), StringComparer.OrdinalIgnoreCase);
        var folders = projectFiles.Select(f => Folder(f.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var (folder, files) in _buildFiles)
        {
            var references = _references[folder] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (Match item in Regex.Matches(file.Text, """<ProjectReference\s+Include\s*=\s*"([^"]+)"""))
                {
                    foreach (var include in item.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var resolved = Folder(Normalize(Folder(file.Path), include.Replace('\\', '/')));
                        if (folders.Contains(resolved) || byName.TryGetValue(Path.GetFileName(include.Replace('\\', '/')), out resolved))
                        {
                            references.Add(resolved);
                        }
                    }
                }
            }

            references.Remove(folder);
        }

        Owners = snapshot.Sources.ToDictionary(f => f.Path, f => OwnerOf(f.Path), StringComparer.Ordinal);
    }

    /// <summary>Each source file's project folder.</summary>
    public IReadOnlyDictionary<string, string> Owners { get; }

    public static ProjectGraph From(Snapshot snapshot) => new(snapshot);

    /// <summary>The project and every project it references, directly or through others (cycles cut).</summary>
    public IReadOnlySet<string> Closure(string project)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (closure.Add(next) && _references.TryGetValue(next, out var references))
            {
                foreach (var reference in references)
                {
                    pending.Push(reference);
                }
            }
        }

        return closure;
    }

    /// <summary>The build files of the projects, each once.</summary>
    public IEnumerable<SnapshotFile> BuildFiles(IEnumerable<string> projects)
        => projects.SelectMany(p => _buildFiles.TryGetValue(p, out var files) ? files : []).Distinct();

    /// <summary>The nearest enclosing project folder ("" is always one).</summary>
    private string OwnerOf(string path)
    {
        var folder = Folder(path);
        while (!_buildFiles.ContainsKey(folder))
        {
            folder = Folder(folder);
        }

        return folder;
    }

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static bool IsAtOrAbove(string folder, string project)
        => folder.Length == 0 || project == folder || project.StartsWith(folder + "/", StringComparison.Ordinal);

    /// <summary>A relative '/'-separated path resolved against a repository folder ('..' segments applied).</summary>
    private static string Normalize(string folder, string relative)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
