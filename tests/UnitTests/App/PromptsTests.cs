using nanoFramework.TestFramework;
using PosFirmware.App.Engine;
using PosFirmware.App.Slips;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;

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
            Assert.IsTrue(TextColumns.Of(s.English3) <= TextColumns.DisplayLine, what + " " + s.English3);
            Assert.IsTrue(TextColumns.Of(s.Chinese3) <= TextColumns.DisplayLine, what + " " + s.Chinese3);
            Assert.IsTrue(TextColumns.Of(s.English4) <= TextColumns.DisplayLine, what + " " + s.English4);
            Assert.IsTrue(TextColumns.Of(s.Chinese4) <= TextColumns.DisplayLine, what + " " + s.Chinese4);
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
            Fits(Prompts.IdleReversalConfirmed(new[] { 999999 }, 1), "idle after a confirmed reversal");
            Fits(Prompts.IdleReversalConfirmed(new[] { 999996, 999997, 999998, 999999 }, 4), "idle after four confirmed reversals");
            Assert.AreEqual("Wrong PIN (55)|Enter PIN again||", Rows(Prompts.WrongPin("****"), true));
            Assert.AreEqual("密码错 (55)|请重新输入密码||", Rows(Prompts.WrongPin("****"), false));
            Assert.AreEqual("READY|Rev. confirmed|Trace 000123|Slip: menu 8", Rows(Prompts.IdleReversalConfirmed(new[] { 123 }, 1), true));
            Assert.AreEqual("READY|Rev. confirmed|000122 000123|Slip: menu 8", Rows(Prompts.IdleReversalConfirmed(new[] { 122, 123 }, 2), true));
            Assert.AreEqual("欢迎使用|冲正已确认|000120 000121|000122 000123", Rows(Prompts.IdleReversalConfirmed(new[] { 119, 120, 121, 122, 123 }, 5), false), "the last four");
            Assert.AreEqual("欢迎使用|冲正已确认|凭证号 000123|凭条:管理菜单8", Rows(Prompts.IdleReversalConfirmed(new[] { 123 }, 1), false));
        }

        [TestMethod]
        public void EveryMenuPageFitsTheDisplay()
        {
            for (int page = 0; page < Prompts.MenuPages; page++)
            {
                Screen s = Prompts.Menu(page);
                Fits(s, "menu " + page);
                Assert.IsTrue(s.Items.Length > 0 && s.Items.Length <= Prompts.MenuItemsPerPage);
                for (int i = 0; i < s.Items.Length; i++)
                {
                    Assert.IsTrue(TextColumns.Of(s.Items[i]) <= TextColumns.DisplayLine, s.Items[i]);
                }
            }
        }

        [TestMethod]
        public void TheMenuPagesHoldEveryItemOnce_AndFuncTurnsThroughThemAll()
        {
            Assert.AreEqual(Prompts.TransactionItems.Length, Prompts.TransactionMenuPages * Prompts.MenuItemsPerPage);
            Assert.AreEqual(Prompts.ManagementItems.Length, (Prompts.MenuPages - Prompts.TransactionMenuPages) * Prompts.MenuItemsPerPage);
            Assert.AreEqual(Prompts.TransactionItems.Length, Prompts.TransactionTypes.Length);
            string[][] expected = { Prompts.TransactionItems, Prompts.ManagementItems };
            int page = 0;
            for (int turn = 0; turn < Prompts.MenuPages; turn++)
            {
                Screen s = Prompts.Menu(page);
                string[] all = expected[Prompts.IsTransactionPage(page) ? 0 : 1];
                int first = (page % Prompts.TransactionMenuPages) * Prompts.MenuItemsPerPage;
                for (int i = 0; i < s.Items.Length; i++)
                {
                    Assert.AreEqual(all[first + i], s.Items[i], "page " + page + " item " + i);
                }

                Assert.AreEqual(Prompts.IsTransactionPage(page) ? "Transactions" : "Management", s.English1);
                page = Prompts.NextMenuPage(page);
            }

            Assert.AreEqual(0, page, "after the last page, the first");
            Assert.IsTrue(Prompts.IsTransactionPage(1) && !Prompts.IsTransactionPage(2));
        }

        [TestMethod]
        public void TheBalancePinScreenDoesNotOfferNoPin_OtherTypesDo()
        {
            // PinEntry refuses the bypass for a balance: its screen must not offer ENTER for none.
            Screen balance = Prompts.Prompt(ScreenId.EnterPin, TransactionType.Balance, "");
            Assert.AreEqual("Enter PIN|PIN required||", Rows(balance, true));
            Assert.AreEqual("请输入密码|需要输入密码||", Rows(balance, false));
            Fits(balance, "balance PIN");
            Screen sale = Prompts.Prompt(ScreenId.EnterPin, TransactionType.Sale, "");
            Assert.AreEqual("Enter PIN|ENTER: no PIN||", Rows(sale, true));
            Assert.AreEqual("请输入密码|无密码按确认||", Rows(sale, false));
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

        private static string Rows(Screen s, bool english)
        {
            return english ? s.English1 + "|" + s.English2 + "|" + s.English3 + "|" + s.English4
                : s.Chinese1 + "|" + s.Chinese2 + "|" + s.Chinese3 + "|" + s.Chinese4;
        }

        [TestMethod]
        public void AnOutcomeScreenUsesItsFourRows_WhatWhyNextAndTheCode()
        {
            Screen funds = Prompts.ForOutcome(151, "60.00");
            Assert.AreEqual("DECLINED|Not enough funds|Use other card|Code 51", Rows(funds, true));
            Assert.AreEqual("交易失败|余额不足|请查询余额或换卡|应答码 51", Rows(funds, false));
            Assert.AreEqual("51", funds.ResponseCode);

            // A code the catalog does not know shows as the host sent it.
            Screen unknown = Prompts.ForOutcome(OutcomeCodes.HostUnknownCode, "Q7", null);
            Assert.AreEqual("DECLINED|Unknown reason|Call acquirer|Code Q7", Rows(unknown, true));
            Assert.AreEqual("交易失败|主机拒绝|请联系收单行|应答码 Q7", Rows(unknown, false));

            // A local outcome gives its number; an approval its amount only.
            Screen timeout = Prompts.ForOutcome(OutcomeCodes.TimeoutHost, "60.00");
            Assert.AreEqual("FAILED: no reply|Money goes back|Ask to pay again|NO.204", Rows(timeout, true));
            Assert.AreEqual("失败:主机无应答|款项将自动退回|请重新收款|NO.204", Rows(timeout, false));
            Screen approved = Prompts.ForOutcome(OutcomeCodes.Approved, "60.00");
            Assert.IsNull(approved.English4);
            Assert.AreEqual("60.00", approved.Value);

            Outcome[] all = OutcomeCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                Screen s = Prompts.ForOutcome(all[i].Code, null);
                Assert.IsTrue(s.English3.Length > 0 && s.Chinese3.Length > 0, "outcome " + all[i].Code + " says what next");
                Assert.IsTrue(all[i].Kind == OutcomeKind.Approved || (s.English4.Length > 0 && s.Chinese4.Length > 0), "outcome " + all[i].Code + " gives its code");
            }
        }

        [TestMethod]
        public void TheLastTransactionShowsItsCodeAndWhereItsReversalStands()
        {
            LastTransaction t = new LastTransaction();
            t.Stan = 2;
            t.OutcomeCode = OutcomeCodes.HostUnknownCode;
            t.ResponseCode = "Q7";
            Screen s = Prompts.Last(t, "000002 60.00");
            Assert.AreEqual("Last txn|DECLINED (Q7)|Unknown reason|", Rows(s, true));
            Assert.AreEqual("最后一笔|交易失败 (Q7)|主机拒绝|", Rows(s, false));

            t.OutcomeCode = OutcomeCodes.TimeoutHost;
            t.ResponseCode = null;
            t.Reversal = ReversalState.Pending;
            s = Prompts.Last(t, "000002 60.00");
            Assert.AreEqual("Last txn|FAILED: no reply|Reversal pending|", Rows(s, true));
            Assert.AreEqual("最后一笔|失败:主机无应答|冲正处理中|", Rows(s, false));

            t.Reversal = ReversalState.Done;
            t.ReversalWhen = "1122103105";
            s = Prompts.Last(t, "000002 60.00");
            Assert.AreEqual("Last txn|Rev. confirmed|11/22 10:31:05|", Rows(s, true));
            Assert.AreEqual("最后一笔|冲正已确认|11/22 10:31:05|", Rows(s, false));
            Fits(s, "last");
        }

        [TestMethod]
        public void CreditsOfZeroPrintAsZero_NotMinusZero()
        {
            EngineSetup setup = new EngineSetup();
            setup.MerchantName = "TEST";
            setup.Identity = new TerminalIdentity("10020831", "308640041110003", "001");
            SettlementTotals t = new SettlementTotals();
            t.Add(TransactionType.Sale, 6000);
            string[] lines = Reports.Totals(setup, 1, t, "1122103000", true);
            Assert.AreEqual("贷记 CREDITS: 0", lines[8]);
            Assert.AreEqual("  0.00", lines[9]);
            t.Add(TransactionType.Refund, 150);
            Assert.AreEqual("  -1.50", Reports.Totals(setup, 1, t, "1122103000", true)[9]);
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
