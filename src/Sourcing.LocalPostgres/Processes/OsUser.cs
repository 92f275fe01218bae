using System.Runtime.InteropServices;

namespace Sourcing.LocalPostgres.Processes;

/// <summary>An OS user from /etc/passwd, and handing files over to it.</summary>
public sealed record OsUser(string Name, uint UserId, uint GroupId)
{
    /// <summary>Looks a user up in /etc/passwd; null if there is none by that name.</summary>
    public static OsUser? Find(string name)
    {
        const string passwd = "/etc/passwd";
        if (!File.Exists(passwd))
        {
            return null;
        }

        return File.ReadLines(passwd)
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length >= 4 && fields[0] == name)
            .Select(fields => new OsUser(name, uint.Parse(fields[2]), uint.Parse(fields[3])))
            .FirstOrDefault();
    }

    /// <summary>Makes this user the owner of <paramref name="path"/> (not recursive).</summary>
    public void TakeOwnership(string path)
    {
        if (Chown(path, UserId, GroupId) != 0)
        {
            throw new InvalidOperationException(
                $"Could not hand {path} over to the '{Name}' OS user (chown failed, errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>
    /// The first ancestor of <paramref name="path"/> that other users cannot enter (no o+x), or null if
    /// another user can reach it.
    /// </summary>
    public static string? FindUntraversableAncestor(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        for (var directory = Path.GetDirectoryName(Path.GetFullPath(path)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(directory) && !File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute))
            {
                return directory;
            }
        }

        return null;
    }

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown(string path, uint owner, uint group);
}
