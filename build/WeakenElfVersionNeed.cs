using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK in the .gnu.version_r auxiliary entry named <see cref="VersionName"/> of a 64-bit little-endian
/// ELF file. Layouts from the System V gABI (section headers) and the LSB spec (Elf64_Verneed / Elf64_Vernaux).
/// Idempotent: an entry already weak, or no such entry, leaves the file untouched.
/// </summary>
public sealed class WeakenElfVersionNeed : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 2;

    [Required] public string File { get; set; } = "";
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.File.Exists(File))
        {
            return true;
        }
        byte[] elf = System.IO.File.ReadAllBytes(File);
        int flagsOffset;
        string error = FindFlags(elf, VersionName, out flagsOffset);
        if (error != null)
        {
            Log.LogWarning("TorchSharp patch skipped for {0}: {1}", File, error);
            return true;
        }
        if (flagsOffset < 0)
        {
            return true; // the library does not need this version: nothing to do
        }
        ushort flags = BitConverter.ToUInt16(elf, flagsOffset);
        if ((flags & VerFlgWeak) != 0)
        {
            return true; // already patched
        }
        flags |= VerFlgWeak;
        // Copy, patch the copy, rename: never writes through a hard link into the NuGet cache, keeps the file mode,
        // and readers never see half a file.
        string tmp = File + ".patch.tmp";
        System.IO.File.Copy(File, tmp, true);
        using (var stream = new FileStream(tmp, FileMode.Open, FileAccess.Write))
        {
            stream.Position = flagsOffset;
            stream.WriteByte((byte)flags);
            stream.WriteByte((byte)(flags >> 8));
        }
        // netstandard2.0 (what RoslynCodeTaskFactory compiles against) has no Move(overwrite); Replace is atomic on Unix.
        System.IO.File.Replace(tmp, File, null);
        Log.LogMessage(MessageImportance.High, "Weakened {0} need in {1}", VersionName, File);
        return true;
    }

    /// <summary>Finds the offset of vna_flags for <paramref name="name"/>; -1 when absent; an error text when not ELF64 LE.</summary>
    private static string FindFlags(byte[] b, string name, out int flagsOffset)
    {
        flagsOffset = -1;
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F')
        {
            return "not an ELF file";
        }
        if (b[4] != 2 || b[5] != 1)
        {
            return "not a 64-bit little-endian ELF file";
        }
        long shoff = BitConverter.ToInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A);
        int shnum = BitConverter.ToUInt16(b, 0x3C);
        if (shoff <= 0 || shentsize < 64 || shoff + (long)shentsize * shnum > b.Length)
        {
            return "no readable section header table";
        }
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(b, sh + 4) != ShtGnuVerneed)
            {
                continue;
            }
            long offset = BitConverter.ToInt64(b, sh + 0x18);
            int link = (int)BitConverter.ToUInt32(b, sh + 0x28);
            int count = (int)BitConverter.ToUInt32(b, sh + 0x2C);
            if (link >= shnum)
            {
                return ".gnu.version_r links to a missing string table";
            }
            long strOffset = BitConverter.ToInt64(b, checked((int)(shoff + (long)link * shentsize)) + 0x18);
            return Walk(b, checked((int)offset), count, strOffset, name, out flagsOffset);
        }
        return null; // no version needs at all
    }

    private static string Walk(byte[] b, int need, int count, long strOffset, string name, out int flagsOffset)
    {
        flagsOffset = -1;
        for (int n = 0; n < count; n++)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
            int auxCount = BitConverter.ToUInt16(b, need + 2);
            int aux = need + (int)BitConverter.ToUInt32(b, need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                long nameAt = strOffset + BitConverter.ToUInt32(b, aux + 8);
                if (CStringEquals(b, nameAt, name))
                {
                    flagsOffset = aux + 4;
                    return null;
                }
                aux += (int)BitConverter.ToUInt32(b, aux + 12);
            }
            int next = (int)BitConverter.ToUInt32(b, need + 12);
            if (next == 0)
            {
                break;
            }
            need += next;
        }
        return null;
    }

    private static bool CStringEquals(byte[] b, long at, string s)
    {
        if (at < 0 || at + s.Length >= b.Length)
        {
            return false;
        }
        for (int i = 0; i < s.Length; i++)
        {
            if (b[at + i] != (byte)s[i])
            {
                return false;
            }
        }
        return b[at + s.Length] == 0;
    }
}
