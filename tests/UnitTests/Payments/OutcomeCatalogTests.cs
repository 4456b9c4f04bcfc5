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
            // The texts of PAYMENTS.md section 6, as the terminal shows them.
            Assert.AreEqual("余额不足", OutcomeCatalog.ForResponseCode("51").Chinese1);
            Assert.AreEqual("请查询", OutcomeCatalog.ForResponseCode("51").Chinese2);
            Assert.AreEqual("请向网络中心签到", OutcomeCatalog.ForResponseCode("77").Chinese1);
        }

        [TestMethod]
        public void WhenMoneyMayHaveMovedTheScreenSaysItIsReversed()
        {
            Outcome[] all = OutcomeCatalog.All;
            int reversing = 0;
            for (int i = 0; i < all.Length; i++)
            {
                Outcome o = all[i];
                if (!o.MoneyMayHaveMoved)
                {
                    continue;
                }

                reversing++;
                string zh = o.Chinese1 + o.Chinese2;
                string en = o.English1 + " " + o.English2;
                Assert.IsTrue(zh.IndexOf("冲正") >= 0, "outcome " + o.Code + " says 冲正");
                Assert.IsTrue(en.IndexOf("revers") >= 0 || en.IndexOf("Revers") >= 0, "outcome " + o.Code + " says reversed");
                if (o.Kind == OutcomeKind.Reversing && o.Code != OutcomeCodes.ReversalPending)
                {
                    Assert.IsTrue(zh.IndexOf("交易失败") >= 0 && zh.IndexOf("已自动冲正") >= 0, "outcome " + o.Code + ": 交易失败 已自动冲正");
                    Assert.IsTrue(en.IndexOf("FAILED") >= 0, "outcome " + o.Code + ": failed, reversal in progress");
                }
            }

            Assert.IsTrue(reversing >= 6);
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
