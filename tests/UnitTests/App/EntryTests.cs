using nanoFramework.TestFramework;
using PosFirmware.App.Input;
using PosFirmware.Devices;

namespace PosFirmware.UnitTests.App
{
    [TestClass]
    public class EntryTests
    {
        private static int Type(AmountEntry a, KeyCode k)
        {
            return (int)a.Key(k);
        }

        [TestMethod]
        public void AmountsShiftInLikeACashRegister()
        {
            AmountEntry a = new AmountEntry(99999999);
            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.Digit0));
            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.DoubleZero));
            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.Enter));
            Type(a, KeyCode.Digit1);
            Type(a, KeyCode.Digit2);
            Type(a, KeyCode.Digit3);
            Type(a, KeyCode.Digit4);
            Assert.AreEqual(1234L, a.AmountMinor);
            Assert.AreEqual("12.34", AmountEntry.Format(a.AmountMinor));
            Assert.AreEqual((int)EntryResult.Changed, Type(a, KeyCode.DoubleZero));
            Assert.AreEqual("1234.00", AmountEntry.Format(a.AmountMinor));
            Assert.AreEqual((int)EntryResult.Changed, Type(a, KeyCode.Backspace));
            Assert.AreEqual(12340L, a.AmountMinor);
            Assert.AreEqual((int)EntryResult.Changed, Type(a, KeyCode.Clear));
            Assert.AreEqual(0L, a.AmountMinor);
            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.Backspace));
            Type(a, KeyCode.Digit5);
            Assert.AreEqual((int)EntryResult.Confirmed, Type(a, KeyCode.Enter));
            Assert.AreEqual("0.05", AmountEntry.Format(a.AmountMinor));
            Assert.AreEqual((int)EntryResult.Cancelled, Type(a, KeyCode.Cancel));
            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.Func));
        }

        [TestMethod]
        public void TheMaximumIsNeverPassed()
        {
            AmountEntry a = new AmountEntry(99999);
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual((int)EntryResult.Changed, Type(a, KeyCode.Digit9));
            }

            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.Digit9));
            Assert.AreEqual((int)EntryResult.Refused, Type(a, KeyCode.DoubleZero));
            Assert.AreEqual(99999L, a.AmountMinor);
            Assert.AreEqual("999.99", AmountEntry.Format(a.AmountMinor));
            Assert.AreEqual("0.00", AmountEntry.Format(0));
        }

        [TestMethod]
        public void PinsAreMaskedBoundedAndWiped()
        {
            PinEntry p = new PinEntry();
            Assert.AreEqual((int)EntryResult.Refused, (int)p.Key(KeyCode.Enter));
            p.Key(KeyCode.Digit1);
            p.Key(KeyCode.Digit2);
            p.Key(KeyCode.Digit3);
            Assert.AreEqual("***", p.Masked);
            Assert.AreEqual((int)EntryResult.Refused, (int)p.Key(KeyCode.Enter));
            p.Key(KeyCode.Digit4);
            Assert.AreEqual((int)EntryResult.Confirmed, (int)p.Key(KeyCode.Enter));
            Assert.AreEqual(4, (int)p.Digits[3]);
            Assert.AreEqual((int)EntryResult.Refused, (int)p.Key(KeyCode.DoubleZero));
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual((int)EntryResult.Changed, (int)p.Key(KeyCode.Digit9));
            }

            Assert.AreEqual((int)EntryResult.Refused, (int)p.Key(KeyCode.Digit9));
            Assert.AreEqual(12, p.Length);
            Assert.AreEqual((int)EntryResult.Changed, (int)p.Key(KeyCode.Backspace));
            Assert.AreEqual(11, p.Length);
            Assert.AreEqual((int)EntryResult.Cancelled, (int)p.Key(KeyCode.Cancel));
            Assert.AreEqual(0, p.Length);
            for (int i = 0; i < p.Digits.Length; i++)
            {
                Assert.AreEqual(0, (int)p.Digits[i]);
            }
        }

        [TestMethod]
        public void BypassOnlyWhereAllowed()
        {
            PinEntry p = new PinEntry();
            Assert.AreEqual((int)EntryResult.Refused, (int)p.Key(KeyCode.Enter));
            p.BypassAllowed = true;
            Assert.AreEqual((int)EntryResult.Bypassed, (int)p.Key(KeyCode.Enter));
            p.Key(KeyCode.Digit1);
            Assert.AreEqual((int)EntryResult.Refused, (int)p.Key(KeyCode.Enter));
        }
    }
}
