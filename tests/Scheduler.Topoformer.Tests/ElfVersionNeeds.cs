using System.Text;

namespace Scheduler.Topoformer.Tests;

/// <summary>An independent reader of ELF64 .gnu.version_r (LSB spec layouts) to check the build patch.</summary>
internal static class ElfVersionNeeds
{
    /// <summary>True when the version-need entry named <paramref name="name"/> has VER_FLG_WEAK (2).</summary>
    public static bool IsWeak(byte[] b, string name)
    {
        long shoff = BitConverter.ToInt64(b, 0x28);
        int size = BitConverter.ToUInt16(b, 0x3A), count = BitConverter.ToUInt16(b, 0x3C);
        for (int i = 0; i < count; i++)
        {
            int sh = (int)(shoff + i * size);
            if (BitConverter.ToUInt32(b, sh + 4) != 0x6ffffffe)
            {
                continue;
            }
            int need = (int)BitConverter.ToInt64(b, sh + 0x18);
            int link = (int)BitConverter.ToUInt32(b, sh + 0x28);
            int needs = (int)BitConverter.ToUInt32(b, sh + 0x2C);
            long strtab = BitConverter.ToInt64(b, (int)(shoff + link * size) + 0x18);
            for (int n = 0; n < needs; n++)
            {
                int aux = need + (int)BitConverter.ToUInt32(b, need + 8);
                for (int a = 0; a < BitConverter.ToUInt16(b, need + 2); a++)
                {
                    int at = (int)(strtab + BitConverter.ToUInt32(b, aux + 8));
                    int end = Array.IndexOf(b, (byte)0, at);
                    if (Encoding.ASCII.GetString(b, at, end - at) == name)
                    {
                        return (BitConverter.ToUInt16(b, aux + 4) & 2) != 0;
                    }
                    aux += (int)BitConverter.ToUInt32(b, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(b, need + 12);
            }
        }
        throw new InvalidDataException($"No version need named {name}.");
    }
}
