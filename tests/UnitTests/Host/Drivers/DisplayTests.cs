using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Slips;
using PosFirmware.Devices;
using PosFirmware.Drivers.Display;
using PosFirmware.Hal;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Virtual.Imaging;
using PosFirmware.Virtual.Parts.Display;
using PosFirmware.Virtual.Snapshots;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class DisplayTests
{
    private static Screen Idle => Prompts.Prompt(ScreenId.Idle, TransactionType.Sale, null);

    [TestMethod]
    public void InitLeavesThePanelOnInPageModeWithTheModuleOrientation()
    {
        var panel = new Ssd1306Model();
        var driver = new Ssd1306(panel);
        Assert.AreEqual(BusStatus.Ok, driver.Initialize());
        Assert.IsTrue(panel.DisplayOn);
        Assert.IsTrue(panel.ChargePumpOn);
        Assert.IsTrue(panel.SegmentRemap);
        Assert.IsTrue(panel.ComScanRemapped);
        Assert.AreEqual(63, panel.Multiplex);
        Assert.IsFalse(panel.Inverse);
        Assert.AreEqual(0, panel.UnknownCommands.Count, "every byte sent is a command the datasheet lists");
    }

    [TestMethod]
    public void UpdatesSendOnlyWhatChanged()
    {
        var panel = new Ssd1306Model();
        var display = new Ssd1306Display(panel, DisplayLanguage.English);
        display.Show(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "1.23"));
        long first = panel.BytesReceived;

        display.Show(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "1.23"));
        Assert.AreEqual(first, panel.BytesReceived, "an unchanged screen sends nothing");

        display.Show(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "12.34"));
        long oneLine = panel.BytesReceived - first;
        Assert.IsTrue(oneLine > 0 && oneLine <= 2 * (4 + 1 + 40), $"the amount row change sent {oneLine} bytes");
        Assert.IsTrue(first >= 8 * (4 + 1), "the first update writes every page");
    }

    [TestMethod]
    public void AnyOrderOfScreensLeavesThePanelShowingTheLastOneExactly()
    {
        var all = ScreenSnapshots.Screens().ToList();
        var random = new Random(11);
        var panel = new Ssd1306Model();
        var display = new Ssd1306Display(panel, DisplayLanguage.Chinese);
        for (int n = 0; n < 300; n++)
        {
            var (name, screen, status) = all[random.Next(all.Count)];
            display.ShowStatus(status);
            display.Show(screen);
            MonoImage fresh = ScreenSnapshots.Render(screen, DisplayLanguage.Chinese, status);
            Assert.AreEqual(0, panel.Render().DifferencesFrom(fresh), $"after {name} (step {n})");
        }
    }

    [TestMethod]
    public void StatusIconsRedrawOnlyWhenTheyChangeAndNeverCoverText()
    {
        var panel = new Ssd1306Model();
        var display = new Ssd1306Display(panel, DisplayLanguage.English);
        display.Show(Idle);
        long before = panel.BytesReceived;
        display.ShowStatus(0);
        Assert.AreEqual(before, panel.BytesReceived);
        display.ShowStatus(StatusFlags.WifiUp | StatusFlags.ReversalPending);
        Assert.IsTrue(panel.BytesReceived > before);

        // A title that fills the row keeps all its pixels: the icons give way.
        var full = Prompts.ForOutcome(OutcomeCodes.ReaderNotAnswering, null);
        var withIcons = ScreenSnapshots.Render(full, DisplayLanguage.English, StatusFlags.WifiUp | StatusFlags.HostLink | StatusFlags.ReversalPending | StatusFlags.AdvicesPending);
        var without = ScreenSnapshots.Render(full, DisplayLanguage.English, 0);
        int titleWidth = TextPainter.Measure(full.English1);
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < titleWidth; x++)
            {
                Assert.AreEqual(without[x, y], withIcons[x, y], $"pixel {x},{y} of the title");
            }
        }
    }

    private static int LitInRow(MonoImage image, int row, int fromX, int toX)
    {
        int lit = 0;
        for (int y = row * ScreenPainter.RowHeight; y < (row + 1) * ScreenPainter.RowHeight; y++)
        {
            for (int x = fromX; x < toX; x++)
            {
                lit += image[x, y] ? 1 : 0;
            }
        }

        return lit;
    }

    [TestMethod]
    public void AnOutcomeFillsItsFourRows_AndTheCodeWinsOverAFigureThatDoesNotFit()
    {
        foreach (DisplayLanguage language in new[] { DisplayLanguage.English, DisplayLanguage.Chinese })
        {
            var withAmount = ScreenSnapshots.Render(Prompts.ForOutcome(151, "60.00"), language, 0);
            for (int row = 1; row < 4; row++)
            {
                Assert.IsTrue(LitInRow(withAmount, row, 0, 64) > 0, $"{language}: row {row} is used");
            }

            var codeOnly = ScreenSnapshots.Render(Prompts.ForOutcome(151, null), language, 0);
            Assert.IsTrue(LitInRow(withAmount, 3, 88, 128) > 0 && LitInRow(codeOnly, 3, 88, 128) == 0, $"{language}: the amount sits right of the code");
            var tooLong = ScreenSnapshots.Render(Prompts.ForOutcome(151, "99,999,999.99"), language, 0);
            Assert.AreEqual(0, tooLong.DifferencesFrom(codeOnly), $"{language}: a figure that would cover the code is left out");
        }

        // Prompts keep their figure right-aligned on the last row as before.
        var amount = ScreenSnapshots.Render(Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "99,999,999.99"), DisplayLanguage.English, 0);
        Assert.IsTrue(LitInRow(amount, 3, 24, 128) > 0 && LitInRow(amount, 2, 0, 128) == 0);
    }

    [TestMethod]
    public void AnUnpluggedPanelIsReportedAndComesBackWhole()
    {
        var panel = new Ssd1306Model();
        var display = new Ssd1306Display(panel, DisplayLanguage.English);
        display.Show(Idle);
        panel.Unplugged = true;
        var amount = Prompts.Prompt(ScreenId.EnterAmount, TransactionType.Sale, "9.99");
        display.Show(amount);
        Assert.AreEqual(BusStatus.AddressNotAcknowledged, display.LastStatus);
        Assert.AreEqual(1, display.Errors);

        // Replugged: the panel lost power, RAM and settings; the driver starts again from init.
        panel.PowerCycle();
        panel.Unplugged = false;
        display.Show(amount);
        Assert.AreEqual(BusStatus.Ok, display.LastStatus);
        Assert.IsTrue(panel.DisplayOn);
        Assert.AreEqual(0, panel.Render().DifferencesFrom(ScreenSnapshots.Render(amount, DisplayLanguage.English, 0)));
    }

    [TestMethod]
    public void EveryCharacterAScreenOrSlipUsesHasAGlyph()
    {
        var texts = new List<string>();
        foreach (var (_, screen, _) in ScreenSnapshots.Screens())
        {
            texts.AddRange(new[] { screen.English1, screen.English2, screen.Chinese1, screen.Chinese2, screen.Value });
            texts.AddRange(new[] { screen.English3, screen.Chinese3, screen.English4, screen.Chinese4 });
            texts.AddRange(screen.Items ?? Array.Empty<string>());
        }

        foreach (Outcome o in OutcomeCatalog.All)
        {
            texts.AddRange(new[] { o.English1, o.English2, o.Chinese1, o.Chinese2, o.EnglishSlip, o.ChineseSlip, o.EnglishNext, o.ChineseNext });
            texts.AddRange(new[] { o.English3, o.Chinese3 });
            var slip = new SlipData { OutcomeCode = o.Code, Type = TransactionType.Sale, MerchantName = "TEST SHOP", MaskedPan = "621234******4569", When = "1122093000", Rrn = "000000000001", AuthCode = "123456" };
            texts.AddRange(SlipBuilder.Lines(slip, SlipCopy.Merchant));
            texts.AddRange(SlipBuilder.Lines(slip, SlipCopy.Cardholder));
        }

        foreach (string text in texts.Where(t => t != null).Select(PosFirmware.Devices.SlipMarkup.Plain))
        {
            Assert.IsTrue(GlyphTable.Covers(text, out char missing), $"no glyph for U+{(int)missing:X4} '{missing}' in \"{text}\": run dotnet run --project tools/GlyphTable");
        }
    }

    [TestMethod]
    public void ACharacterWithoutAGlyphShowsAsABoxNotNothing()
    {
        Assert.IsFalse(GlyphTable.Covers("龘", out char missing));
        Assert.AreEqual('龘', missing);
        Assert.AreEqual(16, GlyphTable.WidthOf('龘'));
        Assert.AreEqual(8, GlyphTable.WidthOf('€'));
        var canvas = new PageCanvas(32, 16);
        TextPainter.Draw(canvas, 0, 0, "龘", false, 1);
        Assert.IsTrue(canvas.Bytes.Any(b => b != 0));
    }

    [TestMethod]
    public void GlyphsAreUnifontsAndTheTableIsSorted()
    {
        // 'A' in Unifont 8x16: 00 00 00 00 18 24 24 42 42 7E 42 42 42 42 00 00.
        Assert.IsTrue(GlyphTable.TryFind('A', out int offset, out int width));
        Assert.AreEqual(8, width);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 0x18, 0x24, 0x24, 0x42, 0x42, 0x7E, 0x42, 0x42, 0x42, 0x42, 0, 0 }, GlyphTable.Bitmaps.Skip(offset).Take(16).ToArray());
        Assert.IsTrue(GlyphTable.TryFind('消', out _, out width));
        Assert.AreEqual(16, width);
    }
}
