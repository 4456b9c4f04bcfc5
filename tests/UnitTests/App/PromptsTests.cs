using nanoFramework.TestFramework;
using PosFirmware.App.Engine;
using PosFirmware.App.Slips;
using PosFirmware.Common;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.App
{
    /// <summary>Every engine screen and report fits its columns, in both languages.</summary>
    [TestClass]
    public class PromptsTests
    {
        private static void Fits(Screen s, string what)
        {
            Assert.IsTrue(TextColumns.Of(s.English1) <= TextColumns.DisplayLine, what + " " + s.English1);
            Assert.IsTrue(TextColumns.Of(s.English2) <= TextColumns.DisplayLine, what + " " + s.English2);
            Assert.IsTrue(TextColumns.Of(s.Chinese1) <= TextColumns.DisplayLine, what + " " + s.Chinese1);
            Assert.IsTrue(TextColumns.Of(s.Chinese2) <= TextColumns.DisplayLine, what + " " + s.Chinese2);
            Assert.IsTrue(s.English1 != null && s.English1.Length > 0, what + ": no English title");
            Assert.IsTrue(s.Chinese1 != null && s.Chinese1.Length > 0, what + ": no Chinese title");
        }

        [TestMethod]
        public void EveryPromptOfEveryTypeFitsTheDisplay()
        {
            for (int id = 0; id <= (int)ScreenId.ConfirmSettle; id++)
            {
                if (id == (int)ScreenId.Menu || id == (int)ScreenId.Outcome)
                {
                    continue;
                }

                for (int t = 0; t < TransactionRules.TypeCount; t++)
                {
                    Fits(Prompts.Prompt((ScreenId)id, (TransactionType)t, null), "screen " + id + " type " + t);
                }
            }

            Fits(Prompts.WrongPin("****"), "wrong PIN");
        }

        [TestMethod]
        public void EveryMenuPageFitsTheDisplay()
        {
            for (int page = 0; page < 4; page++)
            {
                Screen s = Prompts.Menu(page);
                Fits(s, "menu " + page);
                Assert.IsTrue(s.Items.Length > 0 && s.Items.Length <= 4);
                for (int i = 0; i < s.Items.Length; i++)
                {
                    Assert.IsTrue(TextColumns.Of(s.Items[i]) <= TextColumns.DisplayLine, s.Items[i]);
                }
            }
        }

        [TestMethod]
        public void EveryOutcomeScreenFitsTheDisplay()
        {
            Outcome[] all = OutcomeCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                Fits(Prompts.ForOutcome(all[i].Code, "123.45"), "outcome " + all[i].Code);
            }
        }

        [TestMethod]
        public void ReportsFitTheSlip()
        {
            EngineSetup setup = new EngineSetup();
            setup.MerchantName = "测试商户 TEST SHOP WITH A VERY LONG NAME";
            setup.Identity = new TerminalIdentity("10020831", "308640041110003", "001");
            SettlementTotals t = new SettlementTotals();
            t.Add(TransactionType.Sale, 999999999999L);
            t.Add(TransactionType.Refund, 100);
            string[] lines = Reports.Totals(setup, 123, t, "1122103000", true);
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsNotNull(lines[i]);
                Assert.IsTrue(TextColumns.Of(lines[i]) <= TextColumns.SlipLine, lines[i]);
            }
        }
    }
}
