using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.Benchmarks;

/// <summary>
/// Issue 3's figures: build + pack + MAC + frame a UnionPay contactless sale request (PIN, track 2,
/// the real field 55), and unpack + match + MAC-verify its approval, as the terminal does them:
/// one IsoMessage, one frame buffer, one reader and one response object reused across transactions.
/// </summary>
public static class MessagingBenchmark
{
    /// <summary>The real UnionPay contactless field 55 of PAYMENTS.md.</summary>
    public const string Field55Hex =
        "9F2608E7B33BDAB05F4D2F9F2701809F100807010103A02002019F3704BB9E542C9F36020006" +
        "950500800080009A031703029C01199F02060000000000015F2A02034482027C009F1A0203449F3303E0E1C8" +
        "9F34031E03009F3501228408A0000003330101029F410400000077";

    public static void Run()
    {
        HostProfile profile = HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017"));
        var terminal = new TerminalIdentity("10020831", "308640041110003", "001");
        var mak = new DesKey(Convert.FromHexString("0123456789ABCDEF"));
        byte[] icc = Convert.FromHexString(Field55Hex);
        var request = new FinancialRequest
        {
            Type = TransactionType.Sale, AmountMinor = 2550, Stan = 122, Batch = 2, Entry = PosEntryMode.Contactless,
            Pan = "6228480000000000001", Expiry = "3012", Track2 = "6228480000000000001=30122011234567890",
            CardSequence = 1, EncryptedPinBlock = Convert.FromHexString("0102030405060708"), IccData = icc,
        };
        var message = new IsoMessage();
        var sealer = new MessageSealer();
        byte[] frame = new byte[profile.Framing.MaxFrameBytes + 2];
        int frameLength = 0;

        var sale = Measure.Run(() =>
        {
            RequestBuilder.Financial(profile, terminal, request, message);
            sealer.Seal(profile, mak, message, frame, 0, out frameLength);
        }, 20000);

        // The host's approval of that request.
        var answer = new IsoMessage { Mti = "0210" };
        foreach (int f in new[] { 2, 3, 4, 11, 41, 42 })
        {
            answer.Set(f, message.GetString(f));
        }

        answer.Set(12, "103001");
        answer.Set(13, "1122");
        answer.Set(37, "000000123456");
        answer.Set(38, "654321");
        answer.Set(39, "00");
        byte[] answerFrame = new byte[frame.Length];
        sealer.Seal(profile, mak, answer, answerFrame, 0, out int answerLength);
        int head = 2 + profile.Framing.PrefixBytes;
        var reader = new ResponseReader();
        var response = new HostResponse();
        ResponseStatus status = ResponseStatus.Malformed;
        var read = Measure.Run(() =>
        {
            status = reader.Read(profile, mak, message, answerFrame, head, answerLength - head, response);
        }, 20000);
        if (status != ResponseStatus.Ok || !response.IsApproved)
        {
            throw new InvalidOperationException("the benchmark's answer did not verify: " + status);
        }

        Measure.Print("sale_request_frame_bytes", frameLength, "B");
        Measure.Print("sale_request_pack_mac_time", sale.MicrosecondsPerOp, "us");
        Measure.Print("sale_request_pack_mac_allocated", sale.BytesPerOp, "B");
        Measure.Print("sale_response_unpack_verify_time", read.MicrosecondsPerOp, "us");
        Measure.Print("sale_response_unpack_verify_allocated", read.BytesPerOp, "B");
        Measure.Print("sale_pair_allocated", sale.BytesPerOp + read.BytesPerOp, "B");
        Measure.Print("sale_pair_allocated_target", 2048, "B");
        PeerBenchmark.Run();
    }
}
