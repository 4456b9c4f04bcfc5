namespace PosFirmware.Security
{
    /// <summary>
    /// PAN masking for screens, slips and logs (invariant I7): at most the first 6 and last 4
    /// digits stay; shorter PANs keep only the last 4. Anything that is not a digit is masked too,
    /// so garbage from a bad read never leaks.
    /// </summary>
    public static class PanMask
    {
        public const int KeepFirst = 6;
        public const int KeepLast = 4;

        /// <summary>The masked PAN, e.g. 622848******0001; null gives "".</summary>
        public static string Mask(string pan)
        {
            if (pan == null)
            {
                return "";
            }

            int n = pan.Length;
            int first = n >= KeepFirst + KeepLast + 3 ? KeepFirst : 0;
            char[] c = new char[n];
            for (int i = 0; i < n; i++)
            {
                bool keep = i < first || i >= n - KeepLast;
                char d = pan[i];
                c[i] = keep && d >= '0' && d <= '9' ? d : '*';
            }

            return new string(c);
        }
    }
}
