using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.Conformance;

/// <summary>
/// Every message the terminal sends, built by our builders for the international ASCII profile
/// and sealed (MACed where the profile MACs), plus a host answer carrying working keys.
/// </summary>
public static class Messages
{
    public static readonly HostProfile Profile = HostProfile.International();
    public static readonly TerminalIdentity Terminal = new("10020831", "308640041110003", "001");

    public sealed record Case(string Name, IsoMessage Message, byte[] Wire);

    public static List<Case> All()
    {
        var cases = new List<Case>();
        DesKey mak = new(Convert.FromHexString("0123456789ABCDEF"));
        var sealer = new MessageSealer();

        void Add(string name, IsoMessage m)
        {
            byte[] frame = new byte[4096];
            SealStatus s = sealer.Seal(Profile, mak, m, frame, 0, out int written);
            if (s != SealStatus.Ok)
            {
                throw new InvalidOperationException(name + ": " + s + " " + sealer.PackStatus + " field " + sealer.FailedField);
            }

            int head = 2 + Profile.Framing.PrefixBytes;
            cases.Add(new Case(name, m, frame[head..written]));
        }

        foreach (TransactionType type in Enum.GetValues<TransactionType>())
        {
            var m = new IsoMessage();
            Check(RequestBuilder.Financial(Profile, Terminal, Request(type), m));
            Add(type.ToString(), m);
        }

        var sale = new IsoMessage();
        Check(RequestBuilder.Financial(Profile, Terminal, Request(TransactionType.Sale), sale));
        var reversal = new IsoMessage();
        Check(RequestBuilder.Reversal(Profile, TransactionType.Sale, sale, 2, "98", null, false, reversal));
        Add("Reversal", reversal);
        var repeat = new IsoMessage();
        Check(RequestBuilder.Reversal(Profile, TransactionType.Sale, sale, 2, "A0", "123456", true, repeat));
        Add("ReversalRepeat", repeat);
        var advice = new IsoMessage();
        Check(RequestBuilder.Advice(Profile, Terminal, Request(TransactionType.Sale), "Y1    ", true, advice));
        Add("AdviceRepeat", advice);

        var n = new IsoMessage();
        Check(NetworkBuilder.SignOn(Profile, Terminal, 121, 2, n));
        Add("SignOn", n);
        n = new IsoMessage();
        Check(NetworkBuilder.SignOff(Profile, Terminal, 122, 2, n));
        Add("SignOff", n);
        n = new IsoMessage();
        Check(NetworkBuilder.Echo(Profile, Terminal, 123, 2, n));
        Add("Echo", n);

        var totals = new SettlementTotals();
        totals.Add(TransactionType.Sale, 2550);
        totals.Add(TransactionType.Refund, 300);
        n = new IsoMessage();
        Check(SettlementBuilder.Settlement(Profile, Terminal, 200, 2, totals, n));
        Add("Settlement", n);
        n = new IsoMessage();
        var entry = new BatchEntry
        {
            Type = TransactionType.Sale, AmountMinor = 2550, Stan = 122, Batch = 2, LocalTime = "103000", LocalDate = "1122",
            Entry = PosEntryMode.Contactless, Rrn = "000000123456", AuthCode = "654321",
        };
        Check(SettlementBuilder.BatchUpload(Profile, Terminal, 201, 2, entry, false, n));
        Add("BatchUpload", n);
        n = new IsoMessage();
        Check(SettlementBuilder.BatchEnd(Profile, Terminal, 202, 2, 1, false, totals, n));
        Add("BatchEnd", n);

        // A host answer: sign-on with working keys in 62 (hex in an ASCII message).
        var answer = new IsoMessage { Mti = "0810" };
        answer.Set(11, "000121");
        answer.Set(37, "000000000001");
        answer.Set(39, "00");
        answer.Set(41, Terminal.TerminalId);
        answer.Set(62, Convert.FromHexString("0011223344556677D5D44FF78899AABBCCDDEEFFD5D44FF7"));
        Add("SignOnAnswer", answer);
        return cases;
    }

    private static FinancialRequest Request(TransactionType type)
    {
        var r = new FinancialRequest
        {
            Type = type, AmountMinor = 2550, Stan = 122, Batch = 2, LocalTime = "103000", LocalDate = "1122",
            Entry = PosEntryMode.Contactless, Pan = "6228480000000000001", Expiry = "3012",
            Track2 = "6228480000000000001=30122011234567890", CardSequence = 1,
            EncryptedPinBlock = Convert.FromHexString("0102030405060708"), IccData = Convert.FromHexString(Samples.Field55),
        };
        if (TransactionRules.RefersToOriginal(type))
        {
            r.OriginalStan = 120;
            r.OriginalBatch = 2;
            r.OriginalDate = "1121";
            r.OriginalRrn = "000000123450";
            r.OriginalAuthCode = "654320";
        }

        return r;
    }

    private static void Check(BuildStatus s)
    {
        if (s != BuildStatus.Ok)
        {
            throw new InvalidOperationException("build failed: " + s);
        }
    }
}
