using System;

namespace PosFirmware.Security
{
    /// <summary>
    /// Single DES on one 8-byte block (FIPS 46-3), written for nanoFramework, which has no DES.
    /// A block is two 32-bit halves; each round does 8 lookups in tables that combine an S-box
    /// with the P permutation, indexed by the raw 6-bit S-box input. Subkeys are kept as 16 x 8
    /// six-bit chunks. No allocation per block; the key schedule is built once per key (DesKey).
    /// </summary>
    internal static class DesEngine
    {
        private static uint[] _sp;      // 8 x 64: S-box i output for input b, placed and permuted by P
        private static byte[] _fp;      // final permutation = inverse of IP

        /// <summary>Builds the 16 x 8 six-bit subkey chunks for an 8-byte key at key[offset].</summary>
        public static void Schedule(byte[] key, int offset, byte[] subkeys)
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
                for (int chunk = 0; chunk < 8; chunk++)
                {
                    int v = 0;
                    for (int b = 0; b < 6; b++)
                    {
                        int pos = DesTables.PC2[chunk * 6 + b]; // 1..56 over C||D
                        uint bit = pos <= 28 ? (c >> (28 - pos)) & 1 : (d >> (56 - pos)) & 1;
                        v = (v << 1) | (int)bit;
                    }

                    subkeys[round * 8 + chunk] = (byte)v;
                }
            }
        }

        /// <summary>Encrypts (or decrypts) input[inOffset..+8) into output[outOffset..+8); they may overlap.</summary>
        public static void Crypt(byte[] subkeys, bool encrypt, byte[] input, int inOffset, byte[] output, int outOffset)
        {
            uint[] sp = SpTable();
            uint hi = ReadUInt32(input, inOffset);
            uint lo = ReadUInt32(input, inOffset + 4);
            uint l = 0, r = 0;
            Permute(DesTables.IP, hi, lo, out l, out r);

            for (int round = 0; round < 16; round++)
            {
                int k = (encrypt ? round : 15 - round) * 8;
                uint f = 0;
                for (int i = 0; i < 8; i++)
                {
                    // E expansion: chunk i is the 6 bits starting one before bit 4i (wrapping).
                    int rot = (4 * i + 31) & 31;
                    uint rr = rot == 0 ? r : (r << rot) | (r >> (32 - rot));
                    int b = (int)(rr >> 26) ^ subkeys[k + i];
                    f ^= sp[i * 64 + b];
                }

                uint t = l ^ f;
                l = r;
                r = t;
            }

            // The halves swap back before the final permutation.
            uint outHi, outLo;
            Permute(FinalPermutation(), r, l, out outHi, out outLo);
            WriteUInt32(outHi, output, outOffset);
            WriteUInt32(outLo, output, outOffset + 4);
        }

        private static uint KeyBit(byte[] key, int offset, int position)
        {
            int p = position - 1;
            return (uint)(key[offset + (p >> 3)] >> (7 - (p & 7))) & 1;
        }

        private static void Permute(byte[] table, uint hi, uint lo, out uint outHi, out uint outLo)
        {
            outHi = 0;
            outLo = 0;
            for (int i = 0; i < 32; i++)
            {
                outHi = (outHi << 1) | Bit64(hi, lo, table[i]);
                outLo = (outLo << 1) | Bit64(hi, lo, table[i + 32]);
            }
        }

        private static uint Bit64(uint hi, uint lo, int position)
        {
            return position <= 32 ? (hi >> (32 - position)) & 1 : (lo >> (64 - position)) & 1;
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

        private static byte[] FinalPermutation()
        {
            if (_fp != null)
            {
                return _fp;
            }

            byte[] fp = new byte[64];
            for (int i = 0; i < 64; i++)
            {
                fp[DesTables.IP[i] - 1] = (byte)(i + 1);
            }

            _fp = fp;
            return fp;
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
