namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// A contactless payment card answering APDUs from its spec: SELECT PPSE (FCI with the directory),
/// SELECT AID (FCI with DF name and PDOL), GET PROCESSING OPTIONS (checks the PDOL data length,
/// counts the ATC, computes the ARQC 9F26 under a session key from its issuer, over the data set
/// of TestIssuer taken from the PDOL data and its own AIP, ATC and IAD) and READ RECORD. Unknown
/// commands get 6D00. Its PAN and PSN (for its key) come from its records (5A or 57, 5F34).
/// </summary>
public sealed class VirtualContactlessCard
{
    private VirtualCardSpec.ApplicationSpec? _selected;
    private byte[]? _key;

    public VirtualContactlessCard(VirtualCardSpec spec)
    {
        Spec = spec;
        Atc = spec.Applications.Count > 0 ? spec.Applications[0].Atc : 0;
    }

    public VirtualCardSpec Spec { get; }

    public byte[] Uid => Convert.FromHexString(Spec.Uid);

    public int Atc { get; private set; }

    /// <summary>The last cryptogram the card computed (tests compare it with field 55).</summary>
    public byte[]? LastCryptogram { get; private set; }

    /// <summary>The data the last cryptogram was computed over (TestIssuer.SignedData).</summary>
    public byte[]? LastSignedData { get; private set; }

    /// <summary>The PDOL data of the last GPO (tests check the amount and other terminal values).</summary>
    public byte[]? LastPdolData { get; private set; }

    /// <summary>APDUs answered since the card entered the field.</summary>
    public int Apdus { get; private set; }

    /// <summary>The card leaves the field when this APDU (0-based) arrives; -1 never.</summary>
    public int RemoveAtApdu { get; set; } = -1;

    /// <summary>In the field but never answers an APDU.</summary>
    public bool Mute { get; set; }

    public void Reset()
    {
        _selected = null;
        Apdus = 0;
    }

    /// <summary>Answers one command APDU (null: no answer, the card is gone or mute).</summary>
    public byte[]? Process(byte[] apdu)
    {
        if (Mute || (RemoveAtApdu >= 0 && Apdus >= RemoveAtApdu))
        {
            return null;
        }

        Apdus++;
        if (apdu.Length < 4)
        {
            return Sw(0x6700);
        }

        return (apdu[0], apdu[1]) switch
        {
            (0x00, 0xA4) => Select(apdu),
            (0x80, 0xA8) => Gpo(apdu),
            (0x00, 0xB2) => ReadRecord(apdu),
            _ => Sw(0x6D00),
        };
    }

    private byte[] Select(byte[] apdu)
    {
        if (apdu.Length < 5 || apdu.Length < 5 + apdu[4])
        {
            return Sw(0x6700);
        }

        byte[] name = apdu[5..(5 + apdu[4])];
        if (name.SequenceEqual("2PAY.SYS.DDF01"u8.ToArray()))
        {
            if (!Spec.Ppse)
            {
                return Sw(0x6A82);
            }

            var entries = new List<byte>();
            foreach (var app in Spec.Applications)
            {
                entries.AddRange(Tlv(0x61, Concat(Tlv(0x4F, Hex(app.Aid)), Tlv(0x50, System.Text.Encoding.ASCII.GetBytes(app.Label)), Tlv(0x87, new[] { (byte)app.Priority }))));
            }

            return Ok(Tlv(0x6F, Concat(Tlv(0x84, name), Tlv(0xA5, Tlv(0xBF0C, entries.ToArray())))));
        }

        _selected = Spec.Applications.FirstOrDefault(a => Hex(a.Aid).SequenceEqual(name));
        if (_selected == null)
        {
            return Sw(0x6A82);
        }

        byte[] a5 = Tlv(0x50, System.Text.Encoding.ASCII.GetBytes(_selected.Label));
        if (_selected.Pdol.Length > 0)
        {
            a5 = Concat(a5, Tlv(0x9F38, Hex(_selected.Pdol)));
        }

        return Ok(Tlv(0x6F, Concat(Tlv(0x84, name), Tlv(0xA5, a5))));
    }

    private byte[] Gpo(byte[] apdu)
    {
        if (_selected == null)
        {
            return Sw(0x6985);
        }

        if (_selected.GpoRefusal != null)
        {
            return Hex(_selected.GpoRefusal);
        }

        if (apdu.Length < 7 || apdu[5] != 0x83 || apdu.Length < 7 + apdu[6])
        {
            return Sw(0x6700);
        }

        byte[] pdolData = apdu[7..(7 + apdu[6])];
        if (pdolData.Length != PdolLength(Hex(_selected.Pdol)))
        {
            return Sw(0x6700);
        }

        LastPdolData = pdolData;
        Atc++;
        byte[] atc = { (byte)(Atc >> 8), (byte)Atc };
        byte[] aip = Hex(_selected.Aip);
        byte[] iad = Hex(_selected.Iad);
        LastSignedData = TestIssuer.SignedData(tag => PdolValue(Hex(_selected.Pdol), pdolData, tag), aip, atc, iad);
        _key ??= TestIssuer.IccMasterKey(Spec.IssuerKey == null ? TestIssuer.MasterKeyAc : Hex(Spec.IssuerKey), Pan(), Psn());
        LastCryptogram = TestIssuer.Cryptogram(TestIssuer.SessionKey(_key, Atc), LastSignedData);
        byte[] afl = Afl();
        if (_selected.GpoFormat == 1)
        {
            return Ok(Tlv(0x80, Concat(aip, afl)));
        }

        return Ok(Tlv(0x77, Concat(Tlv(0x82, aip), Tlv(0x94, afl), Tlv(0x9F36, atc), Tlv(0x9F26, LastCryptogram), Tlv(0x9F27, Hex(_selected.Cid)), Tlv(0x9F10, iad))));
    }

    private byte[] ReadRecord(byte[] apdu)
    {
        int number = apdu[2];
        int sfi = apdu[3] >> 3;
        var record = _selected?.Records.FirstOrDefault(r => r.Sfi == sfi && r.Number == number);
        if (record == null || (apdu[3] & 0x07) != 0x04)
        {
            return Sw(0x6A83);
        }

        var body = new List<byte>();
        foreach (var (tag, value) in record.Tags)
        {
            body.AddRange(Tlv(Convert.ToUInt32(tag, 16), Hex(value)));
        }

        return Ok(Tlv(0x70, body.ToArray()));
    }

    private byte[] Afl()
    {
        var afl = new List<byte>();
        foreach (var group in _selected!.Records.GroupBy(r => r.Sfi).OrderBy(g => g.Key))
        {
            afl.AddRange(new[] { (byte)(group.Key << 3), (byte)group.Min(r => r.Number), (byte)group.Max(r => r.Number), (byte)0 });
        }

        return afl.ToArray();
    }

    /// <summary>The value the terminal gave for tag in the PDOL data, or null when the PDOL does not ask for it.</summary>
    public static byte[]? PdolValue(byte[] dol, byte[] data, uint tag)
    {
        int p = 0;
        int at = 0;
        while (p < dol.Length)
        {
            uint t = dol[p];
            if ((dol[p] & 0x1F) == 0x1F)
            {
                t = (t << 8) | dol[++p];
            }

            int length = dol[++p];
            p++;
            if (t == tag)
            {
                return data[at..(at + length)];
            }

            at += length;
        }

        return null;
    }

    /// <summary>The card's PAN, from 5A or else from 57 before the separator.</summary>
    public string Pan()
    {
        string? fromTrack = null;
        foreach (var app in Spec.Applications)
        {
            foreach (var record in app.Records)
            {
                if (record.Tags.TryGetValue("5A", out string? pan))
                {
                    return pan.TrimEnd('F', 'f');
                }

                if (record.Tags.TryGetValue("57", out string? track) && fromTrack == null)
                {
                    int d = track.IndexOfAny(new[] { 'D', 'd' });
                    fromTrack = d < 0 ? track : track[..d];
                }
            }
        }

        return fromTrack ?? "";
    }

    /// <summary>The PAN sequence number (5F34), 0 when the card has none.</summary>
    public int Psn()
    {
        foreach (var app in Spec.Applications)
        {
            foreach (var record in app.Records)
            {
                if (record.Tags.TryGetValue("5F34", out string? psn) && psn.Length == 2)
                {
                    return (psn[0] - '0') * 10 + (psn[1] - '0');
                }
            }
        }

        return 0;
    }

    /// <summary>Sum of the lengths a DOL asks for.</summary>
    public static int PdolLength(byte[] dol)
    {
        int total = 0;
        int p = 0;
        while (p < dol.Length)
        {
            p += (dol[p] & 0x1F) == 0x1F ? 2 : 1;
            total += dol[p++];
        }

        return total;
    }

    public static byte[] Tlv(uint tag, byte[] value)
    {
        var o = new List<byte>();
        if (tag > 0xFF)
        {
            o.Add((byte)(tag >> 8));
        }

        o.Add((byte)tag);
        if (value.Length < 0x80)
        {
            o.Add((byte)value.Length);
        }
        else if (value.Length <= 0xFF)
        {
            o.Add(0x81);
            o.Add((byte)value.Length);
        }
        else
        {
            o.Add(0x82);
            o.Add((byte)(value.Length >> 8));
            o.Add((byte)value.Length);
        }

        o.AddRange(value);
        return o.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Hex(string hex) => Convert.FromHexString(hex);

    private static byte[] Ok(byte[] data) => Concat(data, new byte[] { 0x90, 0x00 });

    private static byte[] Sw(int sw) => new[] { (byte)(sw >> 8), (byte)sw };
}
