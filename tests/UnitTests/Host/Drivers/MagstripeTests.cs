using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.Drivers.Magstripe;
using PosFirmware.Virtual.Parts.Magstripe;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class MagstripeTests
{
    // 6212 3456 7890 1234 569: a UnionPay-style PAN with a good Luhn digit.
    private const string Pan = "6212345678901234569";
    private static readonly VirtualMsrModule.MagCard Card = VirtualMsrModule.MagCard.Of(Pan, "2812", "101", "ZHANG/SAN");

    private static MsrStatus ParseText(string line, MsrFormat format, MsrSwipe swipe)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(line);
        return MsrParser.Parse(bytes, bytes.Length, format, swipe);
    }

    [TestMethod]
    public void AKnownTwoTrackLineParses()
    {
        var swipe = new MsrSwipe();
        Assert.AreEqual(MsrStatus.Ok, ParseText("%B6212345678901234569^ZHANG/SAN ^28121010000?;6212345678901234569=28121010000?\r\n", MsrFormat.WithoutLrc, swipe));
        Assert.AreEqual(Pan, swipe.Pan);
        Assert.AreEqual("2812", swipe.Expiry);
        Assert.AreEqual("101", swipe.ServiceCode);
        Assert.AreEqual("6212345678901234569=28121010000", swipe.Track2);
        Assert.AreEqual("ZHANG/SAN", swipe.Name);
        Assert.IsFalse(swipe.HasChip);
    }

    [TestMethod]
    public void KnownLrcCharactersAreChecked()
    {
        // ;1=?: values B,1,D,F -> B^1^D^F = 8 -> '8'.   %A?: values 5,0x21,0x1F -> 5^0x21^0x1F = 0x3B -> '['.
        byte[] t2 = Encoding.ASCII.GetBytes(";1=?");
        Assert.AreEqual((byte)'8', MsrParser.Lrc(t2, 0, 3, false));
        byte[] t1 = Encoding.ASCII.GetBytes("%A?");
        Assert.AreEqual((byte)'[', MsrParser.Lrc(t1, 0, 2, true));
    }

    [TestMethod]
    public void TheModuleLineParsesWithAndWithoutLrcAndTheLrcIsChecked()
    {
        foreach (bool lrc in new[] { false, true })
        {
            var clock = new ManualClock();
            var module = new VirtualMsrModule(new VirtualSerialPort(clock, 9600), lrc);
            string line = module.Line(Card);
            var swipe = new MsrSwipe();
            var format = lrc ? MsrFormat.WithLrc : MsrFormat.WithoutLrc;
            Assert.AreEqual(MsrStatus.Ok, ParseText(line, format, swipe), line);
            Assert.AreEqual(Pan, swipe.Pan);
            if (lrc)
            {
                // Every single wrong LRC character is caught.
                int at = line.LastIndexOf('?') + 1;
                for (char c = '0'; c <= '?'; c++)
                {
                    if (c != line[at])
                    {
                        string bad = line[..at] + c;
                        Assert.AreEqual(MsrStatus.BadLrc, ParseText(bad, format, swipe), bad);
                    }
                }
            }
        }
    }

    [TestMethod]
    public void BadAndPartialSwipesGetTheirOwnStatus()
    {
        var swipe = new MsrSwipe();
        var cases = new (string Line, MsrStatus Status)[]
        {
            ("", MsrStatus.Empty),
            ("\r\n", MsrStatus.Empty),
            (";6212345678901234569=2812", MsrStatus.Partial),
            (";6212345678901234569?", MsrStatus.Partial),
            (";6212345678901234569=281?", MsrStatus.Partial),
            (";6212345678901234560=28121010000?", MsrStatus.BadPan),
            (";62123=28121010000?", MsrStatus.BadPan),
            (";6212345678901234569=28131010000?", MsrStatus.BadExpiry),
            (";6212345678901234569=28123010000?", MsrStatus.BadServiceCode),
            (";6212345678901234569=28121810000?", MsrStatus.BadServiceCode),
            (";62123456789012345A9=28121010000?", MsrStatus.BadCharacter),
            ("X;6212345678901234569=28121010000?", MsrStatus.BadCharacter),
            (";E?", MsrStatus.TrackError),
            ("%E?;E?", MsrStatus.TrackError),
            ("%B6212345678901234569^ZHANG/SAN^28121010000?", MsrStatus.NoTrack2),
            ("%B6212345678901234577^LI/SI^28121010000?;6212345678901234569=28121010000?", MsrStatus.TracksDisagree),
            ("?00001012182=9654321098765432126;", MsrStatus.Reversed),
        };
        foreach (var (line, status) in cases)
        {
            Assert.AreEqual(status, ParseText(line, MsrFormat.WithoutLrc, swipe), line);
            if (status != MsrStatus.Ok)
            {
                Assert.IsNull(swipe.Pan, "a refused swipe carries no card data: " + line);
            }
        }

        // Track 1 unreadable but track 2 good: the swipe stands on track 2.
        Assert.AreEqual(MsrStatus.Ok, ParseText("%E?;6212345678901234569=28121010000?", MsrFormat.WithoutLrc, swipe));
        // A chip card's service code is noted (the board has no contact reader: the host decides fallback).
        Assert.AreEqual(MsrStatus.Ok, ParseText(";6212345678901234569=28122010000?", MsrFormat.WithoutLrc, swipe));
        Assert.IsTrue(swipe.HasChip);
    }

    [TestMethod]
    public void ArbitraryBytesNeverThrowAndNeverGiveACard()
    {
        var random = new Random(6);
        var swipe = new MsrSwipe();
        string good = ";6212345678901234569=28121010000?";
        for (int n = 0; n < 20_000; n++)
        {
            byte[] bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (n % 2 == 0 && bytes.Length > 0)
            {
                // Mutate a good line instead: one changed byte must not yield a different card.
                bytes = Encoding.ASCII.GetBytes(good);
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            MsrStatus status = MsrParser.Parse(bytes, bytes.Length, MsrFormat.WithoutLrc, swipe);
            if (status == MsrStatus.Ok)
            {
                Assert.IsTrue(PosFirmware.Drivers.Cards.CardChecks.IsValidPan(Encoding.ASCII.GetBytes(swipe.Pan), 0, swipe.Pan.Length));
            }
        }
    }

    private sealed class ReaderRig
    {
        public readonly ManualClock Clock = new(100);
        public readonly VirtualSerialPort Port;
        public readonly VirtualMsrModule Module;
        public readonly MsrReader Reader;

        public ReaderRig(bool lrc = false)
        {
            Port = new VirtualSerialPort(Clock, 9600);
            Module = new VirtualMsrModule(Port, lrc);
            Reader = new MsrReader(Port, Clock, lrc ? MsrFormat.WithLrc : MsrFormat.WithoutLrc);
        }

        public List<(MsrStatus Status, string? Pan)> Run(int forMs)
        {
            var results = new List<(MsrStatus, string?)>();
            var swipe = new MsrSwipe();
            for (int t = 0; t < forMs; t += 5)
            {
                Clock.Advance(5);
                if (Reader.Poll(swipe, out MsrStatus status))
                {
                    results.Add((status, swipe.Pan));
                }
            }

            return results;
        }
    }

    [TestMethod]
    public void TheReaderDeliversEachKindOfSwipeOverTheWire()
    {
        var rig = new ReaderRig(lrc: true);
        rig.Module.Swipe(Card);
        CollectionAssert.AreEqual(new[] { (MsrStatus.Ok, (string?)Pan) }, rig.Run(500));

        rig.Module.SwipeBackwards(Card);
        CollectionAssert.AreEqual(new[] { (MsrStatus.Reversed, (string?)null) }, rig.Run(500));

        rig.Module.SwipeUnreadable();
        CollectionAssert.AreEqual(new[] { (MsrStatus.TrackError, (string?)null) }, rig.Run(500));

        rig.Module.SwipePartial(Card, 30, withLineEnd: true);
        Assert.AreEqual(MsrStatus.Partial, rig.Run(500)[0].Status);
    }

    [TestMethod]
    public void EveryBackwardsSwipeIsToldApartFromABadOne()
    {
        var random = new Random(3);
        foreach (bool lrc in new[] { false, true })
        {
            for (int n = 0; n < 300; n++)
            {
                string body = "62" + string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + random.Next(10))));
                string pan = Enumerable.Range(0, 10).Select(d => body + d).First(p => PosFirmware.Drivers.Cards.CardChecks.IsValidPan(Encoding.ASCII.GetBytes(p), 0, p.Length));
                var card = VirtualMsrModule.MagCard.Of(pan, "3001", "120", "TEST/CARD", random.Next(100_000, 999_999).ToString());
                var rig = new ReaderRig(lrc);
                rig.Module.SwipeBackwards(card);
                CollectionAssert.AreEqual(new[] { (MsrStatus.Reversed, (string?)null) }, rig.Run(300), pan);
            }
        }
    }

    [TestMethod]
    public void ASwipeWithoutALineEndIsTakenAfterTheGap()
    {
        var rig = new ReaderRig();
        rig.Module.SwipePartial(Card, 1000, withLineEnd: false);
        var results = rig.Run(1_000);
        CollectionAssert.AreEqual(new[] { (MsrStatus.Ok, (string?)Pan) }, results);
    }

    [TestMethod]
    public void ABabblingModuleIsBoundedAndReportedTooLong()
    {
        var rig = new ReaderRig();
        rig.Module.Noise(new byte[5_000].Select(_ => (byte)'7').ToArray());
        var results = rig.Run(10_000);
        Assert.AreEqual(1, results.Count);
        Assert.AreEqual(MsrStatus.TooLong, results[0].Status);

        // And the next swipe reads normally.
        rig.Module.Swipe(Card);
        Assert.AreEqual(MsrStatus.Ok, rig.Run(500)[0].Status);
    }

    [TestMethod]
    public void ResetForgetsASwipeMadeWhileNotReading()
    {
        var rig = new ReaderRig();
        rig.Module.Swipe(Card);
        rig.Clock.Advance(1_000);
        rig.Reader.Reset();
        Assert.AreEqual(0, rig.Run(500).Count);
    }
}
