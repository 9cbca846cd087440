namespace PathSafety.Analyzers.Knowledge
{
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

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
