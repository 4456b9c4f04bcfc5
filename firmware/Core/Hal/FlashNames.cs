namespace PosFirmware.Hal
{
    /// <summary>The file-name rule every IFlashStore enforces, in one place.</summary>
    public static class FlashNames
    {
        /// <summary>Longest name we use; LittleFS allows 255, the FAT-style device path is shorter.</summary>
        public const int MaxNameLength = 32;

        /// <summary>True for 1..MaxNameLength characters of [A-Za-z0-9._-].</summary>
        public static bool IsValid(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength)
            {
                return false;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
