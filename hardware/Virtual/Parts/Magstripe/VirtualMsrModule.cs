using System.Text;
using PosFirmware.Virtual.Parts.Serial;

namespace PosFirmware.Virtual.Parts.Magstripe;

/// <summary>
/// A serial magstripe module: a card swiped through it comes out of its UART as one text line,
/// `%B...^...^...?;...=...?` then CR LF, with an LRC after each end sentinel when so configured.
/// Swipes can be good, cut off, noisy, backwards (the module decodes the track reversed, as a raw
/// head does: PAYMENTS.md section 9) or unreadable (`E` in place of a track).
/// </summary>
public sealed class VirtualMsrModule
{
    public VirtualMsrModule(VirtualSerialPort port, bool withLrc)
    {
        Port = port;
        WithLrc = withLrc;
    }

    public VirtualSerialPort Port { get; }

    public bool WithLrc { get; }

    /// <summary>A card's tracks: track 1 may be null (many UnionPay cards carry tracks 2 and 3 only).</summary>
    public sealed record MagCard(string? Track1, string Track2)
    {
        public static MagCard Of(string pan, string expiryYymm, string serviceCode, string name, string discretionary = "00000000")
            => new($"B{pan}^{name}^{expiryYymm}{serviceCode}{discretionary}", $"{pan}={expiryYymm}{serviceCode}{discretionary}");
    }

    public void Swipe(MagCard card) => Emit(Line(card));

    /// <summary>The line as the module sends it (without CR LF).</summary>
    public string Line(MagCard card)
    {
        var sb = new StringBuilder();
        if (card.Track1 != null)
        {
            sb.Append(Track('%', card.Track1, true));
        }

        sb.Append(Track(';', card.Track2, false));
        return sb.ToString();
    }

    /// <summary>The card pulled through backwards: each track's characters come out in reverse order.</summary>
    public void SwipeBackwards(MagCard card)
    {
        string forward = Track(';', card.Track2, false);
        Emit(new string(forward.Reverse().ToArray()));
    }

    /// <summary>Cut off after `keep` characters (too fast, or lifted), with or without the line end.</summary>
    public void SwipePartial(MagCard card, int keep, bool withLineEnd)
    {
        string line = Line(card);
        string cut = line[..Math.Min(keep, line.Length)];
        Port.Send(Encoding.ASCII.GetBytes(withLineEnd ? cut + "\r\n" : cut));
    }

    /// <summary>The module could not read a track and says so.</summary>
    public void SwipeUnreadable() => Emit(Track('%', "E", true) + Track(';', "E", false));

    /// <summary>Line noise or a wrong baud rate: arbitrary bytes then a line end.</summary>
    public void Noise(byte[] bytes)
    {
        Port.Send(bytes);
        Port.Send("\r\n"u8.ToArray());
    }

    /// <summary>Sends a line exactly as given, plus CR LF.</summary>
    public void Emit(string line) => Port.Send(Encoding.ASCII.GetBytes(line + "\r\n"));

    private string Track(char start, string data, bool track1)
    {
        string framed = start + data + "?";
        if (!WithLrc)
        {
            return framed;
        }

        int offset = track1 ? 0x20 : 0x30;
        int mask = track1 ? 0x3F : 0x0F;
        int lrc = 0;
        foreach (char c in framed)
        {
            lrc ^= (c - offset) & mask;
        }

        return framed + (char)(lrc + offset);
    }
}
