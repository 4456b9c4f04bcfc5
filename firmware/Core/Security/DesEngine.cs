using System;

namespace PosFirmware.Security
{
    /// <summary>
    /// Single DES on one 8-byte block (FIPS 46-3), written for nanoFramework, which has no DES.
    /// A block is two 32-bit halves; IP and FP are five exchanges of bit groups between them; each
    /// round does 8 lookups in tables that combine an S-box with the P permutation, indexed by the
    /// raw 6-bit S-box input. Subkeys are kept as two words per round. No allocation per block;
    /// the key schedule is built once per key (DesKey).
    /// </summary>
    internal static class DesEngine
    {
        private static uint[] _sp;      // 8 x 64: S-box i output for input b, placed and permuted by P

        /// <summary>Words of one key schedule: two per round.</summary>
        public const int ScheduleWords = 32;

        /// <summary>
        /// Builds the schedule of an 8-byte key at key[offset]: per round, the eight six-bit subkey
        /// chunks in two words, placed where Crypt's two views of the expanded R have them (chunks
        /// 0, 2, 4, 6 and 1, 3, 5, 7 at bits 26, 18, 10, 2), so a round XORs two words, not eight bytes.
        /// </summary>
        public static void Schedule(byte[] key, int offset, uint[] subkeys)
        {
            // C and D as 28-bit registers, bit 27 = first bit.
            uint c = 0, d = 0;
            for (int i = 0; i < 28; i++)
            {
                c = (c << 1) | KeyBit(key, offset, DesTables.PC1[i]);
                d = (d << 1) | KeyBit(key, offset, DesTables.PC1[i + 28]);
            }

            for (int round = 0; round < 16; round++)
            {
                int s = DesTables.Shifts[round];
                c = ((c << s) | (c >> (28 - s))) & 0x0FFFFFFF;
                d = ((d << s) | (d >> (28 - s))) & 0x0FFFFFFF;
                uint even = 0, odd = 0;
                for (int chunk = 0; chunk < 8; chunk++)
                {
                    uint v = 0;
                    for (int b = 0; b < 6; b++)
                    {
                        int pos = DesTables.PC2[chunk * 6 + b]; // 1..56 over C||D
                        uint bit = pos <= 28 ? (c >> (28 - pos)) & 1 : (d >> (56 - pos)) & 1;
                        v = (v << 1) | bit;
                    }

                    int shift = 26 - 8 * (chunk >> 1);
                    if ((chunk & 1) == 0)
                    {
                        even |= v << shift;
                    }
                    else
                    {
                        odd |= v << shift;
                    }
                }

                subkeys[2 * round] = even;
                subkeys[2 * round + 1] = odd;
            }
        }

        /// <summary>Encrypts (or decrypts) input[inOffset..+8) into output[outOffset..+8); they may overlap.</summary>
        public static void Crypt(uint[] subkeys, bool encrypt, byte[] input, int inOffset, byte[] output, int outOffset)
        {
            uint[] sp = SpTable();
            uint l = ReadUInt32(input, inOffset);
            uint r = ReadUInt32(input, inOffset + 4);
            InitialPermutation(ref l, ref r);

            for (int round = 0; round < 16; round++)
            {
                int k = (encrypt ? round : 15 - round) * 2;

                // E expansion: chunk i is the 6 bits of R starting one before bit 4i, wrapping. With R
                // rotated right by one, chunks 0, 2, 4, 6 sit at bits 26, 18, 10, 2; rotated a further
                // four to the left, so do chunks 1, 3, 5, 7 (7 being the one that wraps).
                uint x = ((r >> 1) | (r << 31)) ^ subkeys[k];
                uint y = ((r << 3) | (r >> 29)) ^ subkeys[k + 1];
                uint f = sp[(int)(x >> 26)]
                    ^ sp[128 + (int)((x >> 18) & 0x3F)]
                    ^ sp[256 + (int)((x >> 10) & 0x3F)]
                    ^ sp[384 + (int)((x >> 2) & 0x3F)]
                    ^ sp[64 + (int)(y >> 26)]
                    ^ sp[192 + (int)((y >> 18) & 0x3F)]
                    ^ sp[320 + (int)((y >> 10) & 0x3F)]
                    ^ sp[448 + (int)((y >> 2) & 0x3F)];
                uint t = l ^ f;
                l = r;
                r = t;
            }

            // The halves swap back before the final permutation.
            FinalPermutation(ref r, ref l);
            WriteUInt32(r, output, outOffset);
            WriteUInt32(l, output, outOffset + 4);
        }

        /// <summary>
        /// IP (DesTables.IP) on the block's two big-endian halves, as five exchanges of bit groups
        /// between them (the transposition form of IP; checked against the table by the FIPS vectors
        /// and the cross-check with .NET's TDES), instead of 64 single-bit moves.
        /// </summary>
        private static void InitialPermutation(ref uint l, ref uint r)
        {
            uint w = ((l >> 4) ^ r) & 0x0F0F0F0F;
            r ^= w;
            l ^= w << 4;
            w = ((l >> 16) ^ r) & 0x0000FFFF;
            r ^= w;
            l ^= w << 16;
            w = ((r >> 2) ^ l) & 0x33333333;
            l ^= w;
            r ^= w << 2;
            w = ((r >> 8) ^ l) & 0x00FF00FF;
            l ^= w;
            r ^= w << 8;
            w = ((l >> 1) ^ r) & 0x55555555;
            r ^= w;
            l ^= w << 1;
        }

        /// <summary>FP, the inverse of IP: the same exchanges in reverse order.</summary>
        private static void FinalPermutation(ref uint l, ref uint r)
        {
            uint w = ((l >> 1) ^ r) & 0x55555555;
            r ^= w;
            l ^= w << 1;
            w = ((r >> 8) ^ l) & 0x00FF00FF;
            l ^= w;
            r ^= w << 8;
            w = ((r >> 2) ^ l) & 0x33333333;
            l ^= w;
            r ^= w << 2;
            w = ((l >> 16) ^ r) & 0x0000FFFF;
            r ^= w;
            l ^= w << 16;
            w = ((l >> 4) ^ r) & 0x0F0F0F0F;
            r ^= w;
            l ^= w << 4;
        }

        private static uint KeyBit(byte[] key, int offset, int position)
        {
            int p = position - 1;
            return (uint)(key[offset + (p >> 3)] >> (7 - (p & 7))) & 1;
        }

        private static uint[] SpTable()
        {
            if (_sp != null)
            {
                return _sp;
            }

            uint[] sp = new uint[8 * 64];
            for (int box = 0; box < 8; box++)
            {
                for (int b = 0; b < 64; b++)
                {
                    int row = ((b >> 4) & 2) | (b & 1);
                    int col = (b >> 1) & 0xF;
                    uint s = DesTables.S[box * 64 + row * 16 + col];
                    uint placed = s << (28 - 4 * box); // S-box output bits at positions 4*box+1..4*box+4
                    uint permuted = 0;
                    for (int i = 0; i < 32; i++)
                    {
                        permuted = (permuted << 1) | ((placed >> (32 - DesTables.P[i])) & 1);
                    }

                    sp[box * 64 + b] = permuted;
                }
            }

            _sp = sp;
            return sp;
        }

        private static uint ReadUInt32(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        private static void WriteUInt32(uint v, byte[] b, int o)
        {
            b[o] = (byte)(v >> 24);
            b[o + 1] = (byte)(v >> 16);
            b[o + 2] = (byte)(v >> 8);
            b[o + 3] = (byte)v;
        }
    }
}
