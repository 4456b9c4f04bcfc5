using System.Security.Cryptography;

namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// The issuer of the virtual cards: one issuer master key for application cryptograms, from which
/// each card's key and each transaction's session key follow the way EMV issuers derive them, and
/// the data a card signs. The virtual cards compute their ARQC with it and the host simulator's
/// issuer verifies with it: one source for both, so they cannot drift apart.
///   ICC master key: EMV 4.3 Book 2 A1.4.1 option A, from the rightmost 16 digits of PAN + PSN.
///   Session key: EMV 4.3 Book 2 A1.3 common session key derivation, from the ATC.
///   ARQC: ISO/IEC 9797-1 MAC algorithm 3 (single DES CBC, 3DES on the last block), padding method 2.
///   Data (cryptogram version 01, the Book 2 section 8.1.1 recommended minimum set, plus 9F10):
///   9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 (as the terminal sent them in the PDOL data), 82, 9F36, 9F10.
/// .NET's own DES is used on purpose: the terminal's firmware never computes a cryptogram, and the
/// card and issuer should not share the terminal's DES code.
/// </summary>
public static class TestIssuer
{
    /// <summary>The test issuer's master key for application cryptograms (IMK-AC), double length.</summary>
    public static readonly byte[] MasterKeyAc = Convert.FromHexString("8A2F19C4D05E7B3166E2A9C01F4D58B7");

    /// <summary>The cryptogram version number (third byte of 9F10) whose data set SignedTags is.</summary>
    public const byte CryptogramVersion = 0x01;

    /// <summary>The terminal tags of the signed data, in order, with their EMV lengths; then 82, 9F36, 9F10.</summary>
    public static readonly (uint Tag, int Length)[] TerminalTags =
    {
        (0x9F02, 6), (0x9F03, 6), (0x9F1A, 2), (0x95, 5), (0x5F2A, 2), (0x9A, 3), (0x9C, 1), (0x9F37, 4),
    };

    /// <summary>The card's ICC master key (16 bytes) for a PAN and PAN sequence number (5F34; 0 when the card has none).</summary>
    public static byte[] IccMasterKey(byte[] issuerMasterKey, string pan, int psn)
    {
        string digits = pan + (psn < 0 ? 0 : psn % 100).ToString("D2");
        digits = digits.Length >= 16 ? digits[^16..] : digits.PadLeft(16, '0');
        byte[] y = Convert.FromHexString(digits);
        byte[] left = Encrypt3Des(issuerMasterKey, y);
        byte[] right = Encrypt3Des(issuerMasterKey, y.Select(b => (byte)(b ^ 0xFF)).ToArray());
        return OddParity(left.Concat(right).ToArray());
    }

    /// <summary>The session key for one ATC: the common derivation with R = ATC || 00 00 00 00 00 00.</summary>
    public static byte[] SessionKey(byte[] iccMasterKey, int atc) =>
        CommonSessionKey(iccMasterKey, new byte[] { (byte)(atc >> 8), (byte)atc, 0, 0, 0, 0, 0, 0 });

    /// <summary>Common session key derivation from an 8-byte diversification value R: halves under R with its third byte F0, then 0F.</summary>
    public static byte[] CommonSessionKey(byte[] iccMasterKey, byte[] r)
    {
        byte[] f1 = (byte[])r.Clone();
        byte[] f2 = (byte[])r.Clone();
        f1[2] = 0xF0;
        f2[2] = 0x0F;
        return OddParity(Encrypt3Des(iccMasterKey, f1).Concat(Encrypt3Des(iccMasterKey, f2)).ToArray());
    }

    /// <summary>The ARQC (8 bytes) over data under a session key.</summary>
    public static byte[] Cryptogram(byte[] sessionKey, byte[] data)
    {
        int padded = (data.Length / 8 + 1) * 8;
        var block = new byte[padded];
        data.CopyTo(block, 0);
        block[data.Length] = 0x80;
        using var des = DES.Create();
        des.Key = sessionKey[..8];
        byte[] chain = new byte[8];
        if (padded > 8)
        {
            byte[] cbc = des.EncryptCbc(block.AsSpan(0, padded - 8), new byte[8], PaddingMode.None);
            chain = cbc[^8..];
        }

        byte[] last = new byte[8];
        for (int i = 0; i < 8; i++)
        {
            last[i] = (byte)(block[padded - 8 + i] ^ chain[i]);
        }

        return Encrypt3Des(sessionKey, last);
    }

    /// <summary>The signed data: each terminal tag's value (zeros of its length when absent), then AIP, ATC and IAD.</summary>
    public static byte[] SignedData(Func<uint, byte[]?> terminalValue, byte[] aip, byte[] atc, byte[] iad)
    {
        var data = new List<byte>();
        foreach (var (tag, length) in TerminalTags)
        {
            byte[]? v = terminalValue(tag);
            data.AddRange(v != null && v.Length == length ? v : new byte[length]);
        }

        data.AddRange(aip);
        data.AddRange(atc);
        data.AddRange(iad);
        return data.ToArray();
    }

    /// <summary>The whole computation as a card makes it for one transaction.</summary>
    public static byte[] Arqc(byte[] issuerMasterKey, string pan, int psn, int atc, byte[] signedData) =>
        Cryptogram(SessionKey(IccMasterKey(issuerMasterKey, pan, psn), atc), signedData);

    private static byte[] Encrypt3Des(byte[] key16, byte[] block)
    {
        using var des = TripleDES.Create();
        des.Key = key16.Concat(key16[..8]).ToArray();
        return des.EncryptEcb(block, PaddingMode.None);
    }

    private static byte[] OddParity(byte[] key)
    {
        for (int i = 0; i < key.Length; i++)
        {
            int ones = System.Numerics.BitOperations.PopCount((uint)(key[i] & 0xFE));
            key[i] = (byte)((key[i] & 0xFE) | (ones % 2 == 0 ? 1 : 0));
        }

        return key;
    }
}
