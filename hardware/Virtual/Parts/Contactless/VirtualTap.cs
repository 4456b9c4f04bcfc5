using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Host;

namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// A tap without the PN532: the firmware's own EMV read flow (EmvReadFlow, ContactlessCardData)
/// against a virtual card's APDU answers, with the terminal values ContactlessReader sends
/// (ContactlessSettings' defaults). For tests and simulations that present cards as CardData
/// (ScriptedPorts, the engine rig): their field 55 is what the reader would build, with a
/// cryptogram the host's issuer verifies, and each tap moves the card's ATC on.
/// </summary>
public static class VirtualTap
{
    /// <summary>The card read for a transaction of amountMinor on date, or null when the read fails.</summary>
    public static CardData? Read(VirtualContactlessCard card, long amountMinor, TransactionType type, DateTime date, uint unpredictable)
    {
        TagStore? tags = Run(card, amountMinor, TransactionRules.EmvTransactionType(type), date, unpredictable);
        var data = new CardData();
        return tags != null && ContactlessCardData.Fill(tags, data, new byte[512]) ? data : null;
    }

    /// <summary>
    /// Only the field 55 the reader would build from this tap (no check of the card's PAN), or null:
    /// for tests whose cardholders' PANs are made up, with the card data they give around it.
    /// </summary>
    public static byte[]? Field55Of(VirtualContactlessCard card, long amountMinor, TransactionType type, DateTime date, uint unpredictable) =>
        Field55Of(card, amountMinor, TransactionRules.EmvTransactionType(type), date, unpredictable);

    /// <summary>The same, for the EMV transaction type (9C) a card port is started with.</summary>
    public static byte[]? Field55Of(VirtualContactlessCard card, long amountMinor, byte emvTransactionType, DateTime date, uint unpredictable)
    {
        TagStore? tags = Run(card, amountMinor, emvTransactionType, date, unpredictable);
        var output = new byte[512];
        return tags != null && Field55.Build(tags, Field55.RequestTags, output, 0, out int written) == TlvStatus.Ok ? output[..written] : null;
    }

    private static TagStore? Run(VirtualContactlessCard card, long amountMinor, byte emvTransactionType, DateTime date, uint unpredictable)
    {
        var settings = new ContactlessSettings();
        var tags = new TagStore(40, 512);
        tags.Set(0x9F66, settings.TerminalTransactionQualifiers, 0, settings.TerminalTransactionQualifiers.Length);
        Set(tags, 0x9F02, Bcd(amountMinor, 6));
        Set(tags, 0x9F03, new byte[6]);
        Set(tags, 0x9F1A, settings.TerminalCountry);
        Set(tags, 0x5F2A, settings.TransactionCurrency);
        Set(tags, 0x95, new byte[5]);
        Set(tags, 0x9A, Bcd((date.Year % 100) * 10000L + date.Month * 100 + date.Day, 3));
        Set(tags, 0x9C, new[] { emvTransactionType });
        Set(tags, 0x9F37, new[] { (byte)(unpredictable >> 24), (byte)(unpredictable >> 16), (byte)(unpredictable >> 8), (byte)unpredictable });
        Set(tags, 0x9F33, settings.TerminalCapabilities);
        Set(tags, 0x9F34, settings.CvmResults);
        Set(tags, 0x9F35, new[] { settings.TerminalType });
        Set(tags, 0x9F1E, settings.InterfaceDeviceSerial);
        Set(tags, 0x9F09, settings.ApplicationVersion);
        Set(tags, 0x9F41, Bcd(1, 4));

        card.Reset();
        var flow = new EmvReadFlow(tags, settings.AcceptedAids);
        var apdu = new byte[EmvReadFlow.MaxApduBytes];
        int length = flow.Start(apdu);
        for (int i = 0; i <= EmvReadFlow.MaxSteps; i++)
        {
            byte[]? answer = card.Process(apdu[..length]);
            if (answer == null)
            {
                return null;
            }

            EmvStep step = flow.Next(answer, 0, answer.Length, apdu, out length);
            if (step == EmvStep.Done)
            {
                return tags;
            }

            if (step == EmvStep.Failed)
            {
                return null;
            }
        }

        return null;
    }

    private static void Set(TagStore tags, uint tag, byte[] value) => tags.Set(tag, value, 0, value.Length);

    private static byte[] Bcd(long value, int bytes)
    {
        var b = new byte[bytes];
        for (int i = bytes - 1; i >= 0; i--)
        {
            int lo = (int)(value % 10);
            value /= 10;
            int hi = (int)(value % 10);
            value /= 10;
            b[i] = (byte)((hi << 4) | lo);
        }

        return b;
    }
}
