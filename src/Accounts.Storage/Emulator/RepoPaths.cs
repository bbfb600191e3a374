namespace Accounts.Storage.Emulator;

public static class RepoPaths
{
    public const string SolutionFile = "Accounts.Functions.sln";

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> that holds the solution file.</summary>
    public static string FindRepoRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder at or above '{startDirectory}' holds {SolutionFile}");
    }
}
