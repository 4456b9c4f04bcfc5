using nanoFramework.TestFramework;
using PosFirmware.Common;
using PosFirmware.Payments.Outcomes;

namespace PosFirmware.UnitTests.Payments
{
    [TestClass]
    public class OutcomeCatalogTests
    {
        // Every response code of PAYMENTS.md section 6.
        private static readonly string[] HostCodes =
        {
            "00", "01", "03", "04", "05", "12", "13", "14", "15", "22", "25", "30", "33", "34", "40", "41", "43",
            "51", "54", "55", "57", "58", "59", "61", "62", "65", "75", "77", "90", "91", "92", "94", "96", "97",
            "98", "99", "A0",
        };

        private static bool HasCjk(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] >= 0x4E00 && text[i] <= 0x9FFF)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Fits(string text, int columns, string what)
        {
            Assert.IsTrue(TextColumns.Of(text) <= columns, what + ": \"" + text + "\" is " + TextColumns.Of(text) + " columns");
        }

        [TestMethod]
        public void EveryEntryHasBothLanguagesAndFits()
        {
            Outcome[] all = OutcomeCatalog.All;
            Assert.IsTrue(all.Length >= HostCodes.Length + 25);
            for (int i = 0; i < all.Length; i++)
            {
                Outcome o = all[i];
                string name = "outcome " + o.Code;
                Assert.IsTrue(o.English1.Length > 0 && o.EnglishSlip.Length > 0 && o.EnglishNext.Length > 0, name);
                Assert.IsTrue(HasCjk(o.Chinese1) && HasCjk(o.ChineseSlip) && HasCjk(o.ChineseNext), name);
                Fits(o.English1, TextColumns.DisplayLine, name);
                Fits(o.English2, TextColumns.DisplayLine, name);
                Fits(o.Chinese1, TextColumns.DisplayLine, name);
                Fits(o.Chinese2, TextColumns.DisplayLine, name);
                Fits(o.EnglishSlip, TextColumns.SlipLine, name);
                Fits(o.ChineseSlip, TextColumns.SlipLine, name);
                Fits(o.EnglishNext, TextColumns.SlipLine, name);
                Fits(o.ChineseNext, TextColumns.SlipLine, name);
                for (int j = i + 1; j < all.Length; j++)
                {
                    Assert.AreNotEqual(o.Code, all[j].Code, "codes are unique");
                }
            }
        }

        [TestMethod]
        public void EveryHostCodeHasItsOwnEntry()
        {
            for (int i = 0; i < HostCodes.Length; i++)
            {
                Outcome o = OutcomeCatalog.ForResponseCode(HostCodes[i]);
                Assert.AreEqual(HostCodes[i], o.ResponseCode, HostCodes[i]);
                Assert.IsTrue(o.EnglishSlip.IndexOf("(" + HostCodes[i] + ")") >= 0 || HostCodes[i] == "00", "the slip names the code " + HostCodes[i]);
                Assert.AreEqual(HostCodes[i] == "00" ? (int)OutcomeKind.Approved : (int)OutcomeKind.Declined, (int)o.Kind, HostCodes[i]);
                if (HostCodes[i] != "00" && HostCodes[i] != "A0")
                {
                    Assert.AreEqual(100 + int.Parse(HostCodes[i]), o.Code, "stable number of " + HostCodes[i]);
                }
            }

            Assert.AreEqual(OutcomeCodes.HostMacError, OutcomeCatalog.ForResponseCode("A0").Code);
            Assert.AreEqual(OutcomeCodes.HostUnknownCode, OutcomeCatalog.ForResponseCode("Q7").Code);
            Assert.AreEqual(OutcomeCodes.HostUnknownCode, OutcomeCatalog.ForResponseCode(null).Code);
            // The texts of PAYMENTS.md section 6, as the terminal shows them: what happened, why, what next.
            Outcome funds = OutcomeCatalog.ForResponseCode("51");
            Assert.AreEqual("交易失败|余额不足|请查询余额或换卡", funds.Chinese1 + "|" + funds.Chinese2 + "|" + funds.Chinese3);
            Assert.AreEqual("DECLINED|Not enough funds|Use other card", funds.English1 + "|" + funds.English2 + "|" + funds.English3);
            Assert.AreEqual("请向网络中心签到", OutcomeCatalog.ForResponseCode("77").Chinese2);
        }

        [TestMethod]
        public void EveryScreenSaysWhatHappenedWhyAndWhatNext()
        {
            Outcome[] all = OutcomeCatalog.All;
            for (int i = 0; i < all.Length; i++)
            {
                Outcome o = all[i];
                string name = "outcome " + o.Code;
                Assert.IsTrue(o.English3 != null && o.English3.Length > 0 && HasCjk(o.Chinese3), name + ": the screen says what to do next");
                Fits(o.English3, TextColumns.DisplayLine, name);
                Fits(o.Chinese3, TextColumns.DisplayLine, name);
                if (o.Kind != OutcomeKind.Approved)
                {
                    Assert.IsTrue(o.English2.Length > 0 && HasCjk(o.Chinese2), name + ": the screen says why");
                }
            }
        }

        private static bool SaysReversed(string text)
        {
            return text.IndexOf("冲正") >= 0 || text.IndexOf("REVERS") >= 0 || text.IndexOf("revers") >= 0 || text.IndexOf("Revers") >= 0;
        }

        [TestMethod]
        public void UntilTheHostConfirmsNothingSaysReversed_BothLanguagesSayFailedAndMoneyReturned()
        {
            Outcome[] all = OutcomeCatalog.All;
            int reversing = 0;
            for (int i = 0; i < all.Length; i++)
            {
                Outcome o = all[i];
                if (o.Kind != OutcomeKind.Reversing || o.Code == OutcomeCodes.ReversalPending)
                {
                    continue;
                }

                reversing++;
                string name = "outcome " + o.Code;
                string zh = o.Chinese1 + "|" + o.Chinese2 + "|" + o.Chinese3 + "|" + o.ChineseSlip + "|" + o.ChineseNext;
                string en = o.English1 + "|" + o.English2 + "|" + o.English3 + "|" + o.EnglishSlip + "|" + o.EnglishNext;
                Assert.IsFalse(SaysReversed(zh) || SaysReversed(en), name + " says reversed before the host confirmed: " + zh + " / " + en);
                Assert.IsTrue(o.Chinese1.IndexOf("失败") == 0 && o.Chinese2 == "款项将自动退回" && o.Chinese3 == "请重新收款", name + ": " + zh);
                Assert.IsTrue(o.ChineseSlip.IndexOf("交易失败") >= 0 && o.ChineseNext == "款项将自动退回持卡人", name + ": " + zh);
                Assert.IsTrue(o.English1.IndexOf("FAILED") == 0 && o.English2 == "Money goes back" && o.English3 == "Ask to pay again", name + ": " + en);
                Assert.IsTrue(o.EnglishSlip.IndexOf("FAILED") >= 0 && o.EnglishNext == "Money will be auto-returned", name + ": " + en);
            }

            Assert.AreEqual(4, reversing);
            Outcome confirmed = OutcomeCatalog.Get(OutcomeCodes.ReversalConfirmed);
            Assert.AreEqual((int)OutcomeKind.Reversed, (int)confirmed.Kind);
            Assert.AreEqual("已冲正|主机已确认|款项已退回", confirmed.Chinese1 + "|" + confirmed.Chinese2 + "|" + confirmed.Chinese3);
            Assert.AreEqual("REVERSED|Host confirmed|Money returned", confirmed.English1 + "|" + confirmed.English2 + "|" + confirmed.English3);
            Assert.AreEqual((int)OutcomeKind.ManualHandling, (int)OutcomeCatalog.Get(OutcomeCodes.ReversalFailed).Kind);
            Assert.AreEqual("冲正不成功，请人工处理", OutcomeCatalog.Get(OutcomeCodes.ReversalFailed).ChineseSlip);
        }

        [TestMethod]
        public void TextColumnsCountCjkAsTwo()
        {
            Assert.AreEqual(0, TextColumns.Of(null));
            Assert.AreEqual(8, TextColumns.Of("APPROVED"));
            Assert.AreEqual(8, TextColumns.Of("交易成功"));
            Assert.AreEqual(11, TextColumns.Of("PIN格式错误"));
            Assert.AreEqual("PIN格式", TextColumns.Cut("PIN格式错误", 8));
            Assert.AreEqual("PIN格", TextColumns.Cut("PIN格式错误", 6));
            Assert.AreEqual("APPROVED", TextColumns.Cut("APPROVED", 16));
            Assert.AreEqual("", TextColumns.Cut(null, 16));
        }
    }
}
