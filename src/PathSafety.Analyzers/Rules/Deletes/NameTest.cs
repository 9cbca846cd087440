namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>Which part of an enumerated entry a value is.</summary>
internal enum NameForm
{
    None,

    /// <summary>The entry's path or FileSystemInfo itself.</summary>
    FullPath,

    /// <summary>Its file name (Path.GetFileName, FileSystemInfo.Name).</summary>
    FileName,

    /// <summary>Its extension with the dot (Path.GetExtension, FileSystemInfo.Extension).</summary>
    Extension,

    /// <summary>Its name without extension (Path.GetFileNameWithoutExtension).</summary>
    Stem,

    /// <summary>
    /// Text another string method made from its name ('f.Name.Replace(".bak", "")', 'name.Substring(4)'): a test of it
    /// selects by name, but no glob says which names pass, so it is an opaque name test.
    /// </summary>
    Derived,
}

/// <summary>
/// One name test on an enumerated entry, as a file-name glob: 'EndsWith(".log")' is about '*.log',
/// 'Path.GetFileName(f) == "a.json"' about 'a.json', 'Name.StartsWith("cache-")' about 'cache-*'.
/// <see cref="Keeps"/> is true when only names matching the glob reach the delete, false when they are the
/// ones skipped, null when the test is buried in a condition whose direction PathSafety does not follow.
/// </summary>
internal readonly struct NameTest
{
    public NameTest(string glob, bool? keeps)
    {
        Glob = glob;
        Keeps = keeps;
    }

    public string Glob { get; }

    public bool? Keeps { get; }

    /// <summary>The file-name glob a name test is about (see <see cref="NameTest"/>).</summary>
    public static string GlobFor(NameForm form, string test, string constant)
    {
        // A constant with a separator ('EndsWith("/app.json")') pins the whole name after it.
        var separator = constant.LastIndexOfAny(new[] { '/', '\\' });
        if (separator >= 0 && form is NameForm.FullPath or NameForm.FileName)
        {
            return test == "StartsWith" ? "*" : constant.Substring(separator + 1);
        }

        return (form, test) switch
        {
            (NameForm.Extension, "Equals" or "EndsWith") => "*" + constant,
            (NameForm.Stem, "Equals" or "StartsWith") => constant + "*",
            (NameForm.Stem, "EndsWith") => "*" + constant + "*",
            (_, "Equals") => constant,
            (_, "EndsWith") => "*" + constant,
            (_, "StartsWith") => constant + "*",
            _ => "*" + constant + "*",
        };
    }
}
