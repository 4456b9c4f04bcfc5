using System;

namespace PosFirmware.Common
{
    /// <summary>
    /// The terminal's local time: UTC (IWallClock) plus a fixed offset in minutes (UnionPay: China
    /// standard time, +480), and back. Fields 12/13, tags 9A/9F21, slips, reports and screens all
    /// take their time through here (PAYMENTS.md section 4, "Time"). nanoFramework has no time
    /// zones (DateTime is UTC only, PLATFORM.md), so the offset is plain arithmetic (AddMinutes)
    /// and the calendar checks are our own.
    /// </summary>
    public static class LocalClock
    {
        /// <summary>The furthest zones in use: UTC-12:00 and UTC+14:00.</summary>
        public const int OffsetMinutesMin = -12 * 60;

        public const int OffsetMinutesMax = 14 * 60;

        /// <summary>
        /// A reading before this year is not a time: an RTC that restarted at its epoch (1970, 1980,
        /// 2000) after a power loss. Such a clock counts as not set, whatever it says. (Not later:
        /// the real UnionPay field 55 of PAYMENTS.md, dated 2017, must stay a date in the tests.)
        /// </summary>
        public const int FirstValidYear = 2010;

        public static bool OffsetIsValid(int offsetMinutes)
        {
            return offsetMinutes >= OffsetMinutesMin && offsetMinutes <= OffsetMinutesMax;
        }

        /// <summary>True when a clock reading can be a real time (set, and not before FirstValidYear).</summary>
        public static bool IsValid(bool isSet, DateTime utc)
        {
            return isSet && utc.Year >= FirstValidYear;
        }

        public static DateTime ToLocal(DateTime utc, int offsetMinutes)
        {
            return utc.AddMinutes(offsetMinutes);
        }

        public static DateTime ToUtc(DateTime local, int offsetMinutes)
        {
            return local.AddMinutes(-offsetMinutes);
        }

        /// <summary>hhmmss (field 12).</summary>
        public static string Hhmmss(DateTime t)
        {
            return Digits.Pad(t.Hour, 2) + Digits.Pad(t.Minute, 2) + Digits.Pad(t.Second, 2);
        }

        /// <summary>MMDD (field 13).</summary>
        public static string Mmdd(DateTime t)
        {
            return Digits.Pad(t.Month, 2) + Digits.Pad(t.Day, 2);
        }

        /// <summary>YYMMDD as a number, for the BCD of tag 9A.</summary>
        public static long YymmddNumber(DateTime t)
        {
            return (t.Year % 100) * 10000L + t.Month * 100 + t.Day;
        }

        /// <summary>hhmmss as a number, for the BCD of tag 9F21.</summary>
        public static long HhmmssNumber(DateTime t)
        {
            return t.Hour * 10000L + t.Minute * 100 + t.Second;
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }

        /// <summary>
        /// The local time of a host's 12 (hhmmss) and 13 (MMDD), which carry no year: the year is
        /// the first that does not put the date more than a day before referenceLocal (a lower
        /// bound of now), so a host's 0101 read on the terminal's Dec 31 is next year's, a host's
        /// 1231 read on Jan 1 (the reference a few minutes ahead) this past year's, and a host's 1122
        /// read against a reference of March the same year's, not last year's. False for anything
        /// that is not a time (never throws).
        /// </summary>
        public static bool TryHostTime(string hhmmss, string mmdd, DateTime referenceLocal, out DateTime local)
        {
            local = referenceLocal;
            if (hhmmss == null || mmdd == null || hhmmss.Length != 6 || mmdd.Length != 4 || !Digits.AreAll(hhmmss) || !Digits.AreAll(mmdd))
            {
                return false;
            }

            int hour = (int)Digits.Parse(hhmmss, 0, 2);
            int minute = (int)Digits.Parse(hhmmss, 2, 2);
            int second = (int)Digits.Parse(hhmmss, 4, 2);
            int month = (int)Digits.Parse(mmdd, 0, 2);
            int day = (int)Digits.Parse(mmdd, 2, 2);
            if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1)
            {
                return false;
            }

            // The first year (in order) whose date is not before the reference, less a day of slack
            // for a reference a little ahead of the host: the reference is a lower bound of now, so
            // a date long after it is this year or next, never the year before.
            long earliest = referenceLocal.Ticks - TimeSpan.TicksPerDay;
            bool found = false;
            for (int year = referenceLocal.Year - 1; year <= referenceLocal.Year + 1 && !found; year++)
            {
                // 0229 exists only in leap years: the candidate years without it are skipped.
                if (day > DaysInMonth(year, month))
                {
                    continue;
                }

                DateTime candidate = new DateTime(year, month, day, hour, minute, second);
                if (candidate.Ticks >= earliest)
                {
                    found = true;
                    local = candidate;
                }
            }

            return found;
        }
    }
}
