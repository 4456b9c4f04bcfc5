using System;
using PosFirmware.Hal;

namespace PosFirmware.Security
{
    /// <summary>
    /// Clear ISO 9564-1 PIN blocks (formats 0, 1, 3), before encryption under the PIK. Digits come
    /// in as a byte array of values 0..9 so the PIN never exists as a string; callers clear it.
    /// Bad input (PIN not 4-12 digits, PAN too short or not digits) gives a status, not an exception.
    /// </summary>
    public static class PinBlock
    {
        public const int MinPinLength = 4;
        public const int MaxPinLength = 12;

        /// <summary>
        /// Builds the 8-byte clear PIN block into block[blockOffset ..]. pan is the PAN as ASCII
        /// digits (ignored for format 1); random fills formats 1 and 3.
        /// </summary>
        public static PinBlockStatus Build(PinBlockFormat format, byte[] pinDigits, int pinLength, byte[] pan, int panOffset, int panLength, IRandomSource random, byte[] block, int blockOffset)
        {
            if (block == null || blockOffset < 0 || blockOffset > block.Length - 8)
            {
                throw new ArgumentOutOfRangeException("blockOffset");
            }

            if (pinDigits == null || pinLength < MinPinLength || pinLength > MaxPinLength || pinLength > pinDigits.Length)
            {
                return PinBlockStatus.BadPinLength;
            }

            for (int i = 0; i < pinLength; i++)
            {
                if (pinDigits[i] > 9)
                {
                    return PinBlockStatus.BadPinDigit;
                }
            }

            // PIN field: control nibble, length nibble, PIN digits, fill.
            int control = format == PinBlockFormat.Iso0 ? 0 : (format == PinBlockFormat.Iso1 ? 1 : 3);
            byte[] nibbles = SecretBuffers.New(16);
            nibbles[0] = (byte)control;
            nibbles[1] = (byte)pinLength;
            for (int i = 0; i < 14; i++)
            {
                nibbles[2 + i] = i < pinLength ? pinDigits[i] : Fill(format, random);
            }

            PinBlockStatus status = PinBlockStatus.Ok;
            if (format != PinBlockFormat.Iso1)
            {
                status = XorPanField(nibbles, pan, panOffset, panLength);
            }

            for (int i = 0; i < 8; i++)
            {
                block[blockOffset + i] = status == PinBlockStatus.Ok ? (byte)((nibbles[2 * i] << 4) | nibbles[2 * i + 1]) : (byte)0;
            }

            Array.Clear(nibbles, 0, nibbles.Length);
            return status;
        }

        private static byte Fill(PinBlockFormat format, IRandomSource random)
        {
            if (format == PinBlockFormat.Iso0)
            {
                return 0xF;
            }

            // Format 3: A-F; format 1: any nibble (the standard allows 0-F).
            return format == PinBlockFormat.Iso3 ? (byte)(10 + random.NextInt(6)) : (byte)random.NextInt(16);
        }

        private static PinBlockStatus XorPanField(byte[] nibbles, byte[] pan, int panOffset, int panLength)
        {
            // The 12 rightmost PAN digits excluding the check digit, after four zero nibbles.
            if (pan == null || panLength < 13 || panLength > 19 || panOffset < 0 || panOffset > pan.Length - panLength)
            {
                return PinBlockStatus.BadPan;
            }

            int start = panOffset + panLength - 13;
            for (int i = 0; i < 12; i++)
            {
                int c = pan[start + i] - '0';
                if (c < 0 || c > 9)
                {
                    return PinBlockStatus.BadPan;
                }

                nibbles[4 + i] ^= (byte)c;
            }

            return PinBlockStatus.Ok;
        }
    }
}
