namespace PathSafety.Analyzers.Values;

/// <summary>
/// What a constant path string means on every platform the code may run on, not only the one
/// the build runs on: '@"C:\logs"' is absolute even when the compiler runs on Linux.
/// </summary>
internal static class PathText
{
    public static bool IsSeparator(char c) => c == '/' || c == '\\';

    /// <summary>'C:' followed by anything (drive-qualified or drive-relative).</summary>
    public static bool StartsWithDrive(string path)
        => path.Length >= 2 && path[1] == ':' && IsAsciiLetter(path[0]);

    /// <summary>
    /// True when some platform treats the path as rooted, so Path.Combine discards what came before:
    /// a leading '/' or '\' (root, root-relative or UNC) or a drive ('C:x', 'C:\x').
    /// </summary>
    public static bool IsRootedOnAnyPlatform(string path)
        => path.Length > 0 && (IsSeparator(path[0]) || StartsWithDrive(path));

    /// <summary>
    /// True when the path names the same place whatever the current directory is, on the platform
    /// that can run it: '/x', 'C:\x', 'C:/x', '\\server\share', '\\?\C:\x'. A bare 'C:x' or '\x'
    /// depends on the current drive or directory on Windows, so it is not fully qualified.
    /// </summary>
    public static bool IsFullyQualifiedOnSomePlatform(string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        if (path[0] == '/')
        {
            // Unix absolute path ('//server/share' is UNC on Windows; either way it is absolute).
            return true;
        }

        if (path[0] == '\\')
        {
            // '\\server\share' and '\\?\' are fully qualified; '\x' is root-relative on Windows.
            return path.Length >= 2 && IsSeparator(path[1]);
        }

        return StartsWithDrive(path) && path.Length >= 3 && IsSeparator(path[2]);
    }

    /// <summary>
    /// True for a complete path that depends on the current directory (or current drive) on some platform:
    /// 'logs', './logs', '../x', '~/x' (.NET never expands '~'), 'C:x', '\x'. Empty or blank text is not a path.
    /// </summary>
    public static bool IsRelative(string path)
        => !IsBlank(path) && !IsFullyQualifiedOnSomePlatform(path);

    /// <summary>
    /// True when every path that starts with <paramref name="prefix"/> is relative ('logs/' + name). False when
    /// some continuation could be fully qualified: '', 'C', 'C:', '\' (a UNC prefix), or a qualified prefix.
    /// </summary>
    public static bool IsRelativePrefix(string prefix)
    {
        if (IsBlank(prefix) || IsFullyQualifiedOnSomePlatform(prefix))
        {
            return false;
        }

        // '\' may start a UNC path, 'C' or 'C:' a drive-qualified one.
        return prefix != "\\"
            && !(prefix.Length == 1 && IsAsciiLetter(prefix[0]))
            && !(prefix.Length == 2 && StartsWithDrive(prefix));
    }

    private static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
