using nanoFramework.TestFramework;
using PosFirmware.App.Slips;
using PosFirmware.Common;
using PosFirmware.Devices;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Security;

namespace PosFirmware.UnitTests.App
{
    [TestClass]
    public class SlipBuilderTests
    {
        private static SlipData Sale(int outcome)
        {
            SlipData d = new SlipData();
            d.MerchantName = "测试商户 TEST SHOP WITH A VERY LONG NAME";
            d.MerchantId = "308640041110003";
            d.TerminalId = "10020831";
            d.Type = TransactionType.Sale;
            d.AmountMinor = 2550;
            d.MaskedPan = PanMask.Mask("6228480000000000001");
            d.Entry = PosEntryMode.Contactless;
            d.Stan = 122;
            d.Batch = 2;
            d.When = "1122103000";
            d.Rrn = "000000123456";
            d.AuthCode = "654321";
            d.OutcomeCode = outcome;
            return d;
        }

        private static string Joined(string[] lines)
        {
            string all = "";
            for (int i = 0; i < lines.Length; i++)
            {
                all += lines[i] + "\n";
            }

            return all;
        }

        [TestMethod]
        public void AnApprovedSaleSlipHasEverythingAndFits()
        {
            string[] merchant = SlipBuilder.Lines(Sale(OutcomeCodes.Approved), SlipCopy.Merchant);
            string all = Joined(merchant);
            Assert.IsTrue(all.IndexOf("商户存根 MERCHANT COPY") >= 0);
            Assert.IsTrue(all.IndexOf("凭证号 TRACE:000122") >= 0);
            Assert.IsTrue(all.IndexOf("金额 AMT:RMB 25.50") >= 0);
            Assert.IsTrue(all.IndexOf("交易成功") >= 0 && all.IndexOf("APPROVED") >= 0);
            Assert.IsTrue(all.IndexOf("CARDHOLDER SIGNATURE") >= 0);
            Assert.IsTrue(all.IndexOf("6228480000000000001") < 0, "never the full PAN");
            Assert.IsTrue(all.IndexOf("622848*********0001") >= 0);
            string cardholder = Joined(SlipBuilder.Lines(Sale(OutcomeCodes.Approved), SlipCopy.Cardholder));
            Assert.IsTrue(cardholder.IndexOf("持卡人存根 CARDHOLDER COPY") >= 0);
            Assert.IsTrue(cardholder.IndexOf("SIGNATURE") < 0);
        }

        [TestMethod]
        public void TheEntryLineSaysHowTheCardWasRead_AndIsLeftOutWhenNotKnown()
        {
            SlipData d = Sale(OutcomeCodes.Approved);
            Assert.IsTrue(Joined(SlipBuilder.Lines(d, SlipCopy.Merchant)).IndexOf("方式 ENTRY:挥卡 TAP\n") >= 0);
            d.Entry = PosEntryMode.Swipe;
            Assert.IsTrue(Joined(SlipBuilder.Lines(d, SlipCopy.Merchant)).IndexOf("方式 ENTRY:刷卡 SWIPE\n") >= 0);
            d.Entry = PosEntryMode.Chip;
            Assert.IsTrue(Joined(SlipBuilder.Lines(d, SlipCopy.Merchant)).IndexOf("方式 ENTRY:插卡 CHIP\n") >= 0);
            d.Entry = PosEntryMode.Manual;
            Assert.IsTrue(Joined(SlipBuilder.Lines(d, SlipCopy.Merchant)).IndexOf("方式 ENTRY:手输 MANUAL\n") >= 0);

            // A record that does not keep the entry mode: no line rather than a wrong one.
            d.Entry = SlipData.EntryNotKnown;
            string all = Joined(SlipBuilder.Lines(d, SlipCopy.Merchant));
            Assert.IsTrue(all.IndexOf("ENTRY") < 0, all);
            Assert.IsTrue(all.IndexOf("MANUAL") < 0, all);
        }

        [TestMethod]
        public void EveryOutcomeMakesASlipThatFits()
        {
            Outcome[] all = OutcomeCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                for (int copy = 0; copy < 2; copy++)
                {
                    string[] lines = SlipBuilder.Lines(Sale(all[i].Code), (SlipCopy)copy);
                    for (int l = 0; l < lines.Length; l++)
                    {
                        if (SlipMarkup.StyleOf(lines[l]) == SlipMarkup.Qr)
                        {
                            continue;
                        }

                        Assert.IsTrue(TextColumns.Of(lines[l]) <= TextColumns.SlipLine, "outcome " + all[i].Code + ": \"" + lines[l] + "\"");
                    }

                    string text = Joined(lines);
                    Assert.IsTrue(text.IndexOf(all[i].ChineseSlip) >= 0 && text.IndexOf(all[i].EnglishSlip) >= 0);
                    Assert.IsTrue(text.IndexOf("NO." + all[i].Code) >= 0);
                }
            }

            string failed = Joined(SlipBuilder.Lines(Sale(OutcomeCodes.ReversalFailed), SlipCopy.Merchant));
            Assert.IsTrue(failed.IndexOf("冲正不成功，请人工处理") >= 0);
            Assert.IsTrue(failed.IndexOf("SIGNATURE") < 0);
        }

        [TestMethod]
        public void ADeclinePrintsTheHostsRawCodeBesideTheExplanation()
        {
            SlipData d = Sale(OutcomeCodes.HostUnknownCode);
            d.Rrn = null;
            d.AuthCode = null;
            d.ResponseCode = "Q7";
            string text = Joined(SlipBuilder.Lines(d, SlipCopy.Merchant));
            Assert.IsTrue(text.IndexOf("\n交易失败 主机拒绝 (Q7)\nDECLINED BY HOST (Q7)\n") >= 0, text);

            // A code the catalog's own line names already is not printed twice.
            d = Sale(151);
            d.ResponseCode = "51";
            text = Joined(SlipBuilder.Lines(d, SlipCopy.Merchant));
            Assert.IsTrue(text.IndexOf("\n余额不足 请查询(51)\nINSUFFICIENT FUNDS (51)\n") >= 0, text);
        }

        [TestMethod]
        public void UntilConfirmedASlipSaysFailedAndMoneyWillBeReturned_NeverReversed()
        {
            int[] codes = { OutcomeCodes.TimeoutHost, OutcomeCodes.MacError, OutcomeCodes.HostAnswerInvalid, OutcomeCodes.SaveFailed };
            for (int i = 0; i < codes.Length; i++)
            {
                SlipData d = Sale(codes[i]);
                d.Rrn = null;
                d.AuthCode = null;
                string text = Joined(SlipBuilder.Lines(d, SlipCopy.Cardholder));
                Assert.IsTrue(text.IndexOf("冲正") < 0 && text.IndexOf("REVERS") < 0, text);
                Assert.IsTrue(text.IndexOf("交易失败") >= 0 && text.IndexOf("\n款项将自动退回持卡人\nMoney will be auto-returned\n") >= 0, text);
            }
        }

        [TestMethod]
        public void AReversalConfirmationSlipGivesTheEvidence()
        {
            SlipData d = Sale(OutcomeCodes.ReversalConfirmed);
            d.AuthCode = null;
            d.Rrn = "000000123457";
            d.ConfirmedWhen = "1122103105";
            string[] lines = SlipBuilder.Lines(d, SlipCopy.Cardholder);
            string text = Joined(lines);
            Assert.AreEqual(SlipMarkup.Title + "冲正凭证 REVERSAL CONFIRMATION", lines[0]);
            string[] expected =
            {
                "持卡人存根 CARDHOLDER COPY\n", "终端号 TID:10020831\n", "卡号 CARD:622848*********0001\n", "消费 SALE\n",
                "凭证号 TRACE:000122\n批次号 BATCH:000002\n原时间 ORIG TIME:11/22 10:30:00\n冲正时间 REV TIME:11/22 10:31:05\n参考号 REF:000000123457\n",
                "金额 AMT:RMB 25.50\n冲正成功 主机已确认\nREVERSAL CONFIRMED BY HOST\n请将此凭条交持卡人\nGive this slip to card holder\nNO.234\n",
            };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.IsTrue(text.IndexOf(expected[i]) >= 0, expected[i] + " in\n" + text);
            }

            Assert.IsTrue(text.IndexOf("RMB -") < 0 && text.IndexOf("SIGNATURE") < 0 && text.IndexOf("ENTRY") < 0, text);
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(SlipMarkup.StyleOf(lines[i]) == SlipMarkup.Qr || TextColumns.Of(lines[i]) <= TextColumns.SlipLine, lines[i]);
            }
        }

        [TestMethod]
        public void RefundsShowACreditAndReprintsSaySo()
        {
            SlipData d = Sale(OutcomeCodes.Approved);
            d.Type = TransactionType.Refund;
            d.Reprint = true;
            string text = Joined(SlipBuilder.Lines(d, SlipCopy.Cardholder));
            Assert.IsTrue(text.IndexOf("退货 REFUND") >= 0);
            Assert.IsTrue(text.IndexOf("RMB -25.50") >= 0);
            Assert.IsTrue(text.IndexOf("重打印 REPRINT") >= 0);
        }
    }
}
