using PosFirmware.Common;
using PosFirmware.Messaging.Emv;
using PosFirmware.Messaging.Iso8583;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Builds the card transaction requests (sale, void, refund, pre-auth, pre-auth void,
    /// completion, completion void, balance), their reversals (PAYMENTS.md section 4) and offline
    /// advices (0220 / 0221) as IsoMessages for a host profile. Field 64 is left to MessageSealer,
    /// which MACs the packed bytes. Every input is checked; a bad one gives a BuildStatus.
    /// </summary>
    public static class RequestBuilder
    {
        /// <summary>The most PIN digits the keypad accepts (field 26).</summary>
        public const string MaxPinLength = "12";

        /// <summary>Fills message (cleared first) with the request for r.</summary>
        public static BuildStatus Financial(HostProfile profile, TerminalIdentity identity, FinancialRequest r, IsoMessage message)
        {
            message.Clear();
            BuildStatus s = Check(identity, r);
            if (s != BuildStatus.Ok)
            {
                return s;
            }

            TransactionCodes codes = profile.Codes(r.Type);
            message.Mti = codes.Mti;
            if (r.Pan != null)
            {
                message.Set(2, r.Pan);
            }

            message.Set(3, codes.ProcessingCode);
            if (r.Type != TransactionType.Balance)
            {
                message.Set(4, Digits.Pad(r.AmountMinor, 12));
            }

            message.Set(11, Digits.Pad(r.Stan, 6));
            SetLocalTime(profile, r.LocalTime, r.LocalDate, message);
            if (r.Expiry != null)
            {
                message.Set(14, r.Expiry);
            }

            bool pin = r.EncryptedPinBlock != null;
            message.Set(22, Digits.Pad((int)r.Entry, 2) + (pin ? "1" : "2"));
            if (r.CardSequence >= 0 && (r.Entry == PosEntryMode.Chip || r.Entry == PosEntryMode.Contactless))
            {
                message.Set(23, Digits.Pad(r.CardSequence, 3));
            }

            SetIdentity(profile, identity, message);
            message.Set(25, codes.ConditionCode);
            if (pin)
            {
                message.Set(26, MaxPinLength);
            }

            if (r.Track2 != null)
            {
                message.Set(35, r.Track2);
            }

            if (TransactionRules.RefersToOriginal(r.Type))
            {
                if (r.OriginalRrn != null)
                {
                    message.Set(37, r.OriginalRrn);
                }

                if (r.OriginalAuthCode != null)
                {
                    message.Set(38, r.OriginalAuthCode);
                }

                message.Set(61, OriginalReference(r));
            }

            message.Set(49, profile.CurrencyCode);
            if (pin)
            {
                message.Set(52, r.EncryptedPinBlock);
                // 53: format 0 ("2"), 3DES ("6") or DES ("0") under the PIN key, then zeros.
                message.Set(53, profile.KeyFormat == Security.SignOnKeyFormat.SingleLength ? "2000000000000000" : "2600000000000000");
            }

            if (r.IccData != null)
            {
                message.Set(55, r.IccData);
            }

            if (profile.UnionPayFields)
            {
                // 60.1 type, 60.2 batch, 60.3 000, 60.4 capability, 60.5 0 (no partial approval).
                message.Set(60, codes.TypeCode + Digits.Pad(r.Batch, 6) + "000" + profile.TerminalCapability + "0");
            }

            return BuildStatus.Ok;
        }

        /// <summary>
        /// The reversal of original (the request of a reversible type, as it was built), for reason 98 (no
        /// answer), A0 (MAC failed) or 96 (could not complete). Same STAN; fields 26, 35, 36, 52, 53
        /// and 64 dropped; 38 only when authCode came back; 55 keeps only 95, 9F1E, 9F10, 9F36, DF31;
        /// 61 names the original (batch + STAN) unless it already names what the original referred to.
        /// repeat picks 0401 on a retry when the profile wants the repeat MTI.
        /// </summary>
        public static BuildStatus Reversal(HostProfile profile, TransactionType type, IsoMessage original, int originalBatch, string reason, string authCode, bool repeat, IsoMessage reversal)
        {
            reversal.Clear();
            string stan = original.GetString(11);
            if (!TransactionRules.IsReversible(type) || original.Mti == null || stan == null || originalBatch < 0 || originalBatch > FieldLimits.MaxBatch)
            {
                return BuildStatus.NotReversible;
            }

            reversal.Mti = repeat && profile.RepeatMtiOnRetry ? Mtis.ReversalRepeat : Mtis.Reversal;
            for (int f = 2; f <= IsoMessage.MaxField; f++)
            {
                if (f == 26 || f == 35 || f == 36 || f == 38 || f == 39 || f == 52 || f == 53 || f == 55 || f == 64)
                {
                    continue;
                }

                object v = original.Get(f);
                if (v is string)
                {
                    reversal.Set(f, (string)v);
                }
                else if (v is byte[])
                {
                    reversal.Set(f, (byte[])v);
                }
            }

            if (authCode != null)
            {
                reversal.Set(38, authCode);
            }

            reversal.Set(39, reason);
            byte[] icc = original.GetBytes(55);
            if (icc != null)
            {
                byte[] kept = Field55.Select(icc, Field55.ReversalTags);
                if (kept != null && kept.Length > 0)
                {
                    reversal.Set(55, kept);
                }
            }

            if (!reversal.Has(61))
            {
                reversal.Set(61, Digits.Pad(originalBatch, 6) + stan);
            }

            // The PIN capability digit of field 22 stays: it describes how the original was made.
            return BuildStatus.Ok;
        }

        /// <summary>
        /// The advice (0220, or 0221 on a retry) that tells the host about an offline approval: the
        /// request without PIN or track data (neither outlives the transaction), with the offline
        /// approval code in field 38.
        /// </summary>
        public static BuildStatus Advice(HostProfile profile, TerminalIdentity identity, FinancialRequest r, string offlineAuthCode, bool repeat, IsoMessage message)
        {
            BuildStatus s = Financial(profile, identity, r, message);
            if (s != BuildStatus.Ok)
            {
                return s;
            }

            message.Mti = repeat && profile.RepeatMtiOnRetry ? "0221" : "0220";
            message.Remove(26);
            message.Remove(35);
            message.Remove(52);
            message.Remove(53);
            message.Set(22, Digits.Pad((int)r.Entry, 2) + "2");
            if (offlineAuthCode != null)
            {
                message.Set(38, offlineAuthCode);
            }

            return BuildStatus.Ok;
        }

        internal static void SetIdentity(HostProfile profile, TerminalIdentity identity, IsoMessage message)
        {
            if (profile.Nii != null)
            {
                message.Set(24, profile.Nii);
            }

            message.Set(41, identity.TerminalId);
            message.Set(42, identity.MerchantId);
        }

        internal static void SetLocalTime(HostProfile profile, string time, string date, IsoMessage message)
        {
            if (profile.SendsLocalTime && time != null && date != null)
            {
                message.Set(12, time);
                message.Set(13, date);
            }
        }

        internal static bool IdentityIsValid(TerminalIdentity identity)
        {
            return identity != null && identity.TerminalId != null && identity.TerminalId.Length == 8
                && identity.MerchantId != null && identity.MerchantId.Length == 15;
        }

        internal static bool TraceIsValid(int stan, int batch)
        {
            return stan >= 1 && stan <= FieldLimits.MaxStan && batch >= 0 && batch <= FieldLimits.MaxBatch;
        }

        private static BuildStatus Check(TerminalIdentity identity, FinancialRequest r)
        {
            if (!IdentityIsValid(identity))
            {
                return BuildStatus.BadIdentity;
            }

            if (!TraceIsValid(r.Stan, r.Batch))
            {
                return BuildStatus.BadTrace;
            }

            if (r.Type != TransactionType.Balance && (r.AmountMinor <= 0 || r.AmountMinor > FieldLimits.MaxAmountMinor))
            {
                return BuildStatus.BadAmount;
            }

            bool panOk = r.Pan != null && r.Pan.Length >= 12 && r.Pan.Length <= 19 && Digits.AreAll(r.Pan);
            bool trackOk = r.Track2 != null && r.Track2.Length >= 13 && r.Track2.Length <= 37 && r.Track2.IndexOf('=') > 0;
            if ((r.Pan != null && !panOk) || (r.Track2 != null && !trackOk) || (!panOk && !trackOk))
            {
                return BuildStatus.BadCard;
            }

            if (r.Expiry != null && (r.Expiry.Length != 4 || !Digits.AreAll(r.Expiry)))
            {
                return BuildStatus.BadCard;
            }

            if (r.EncryptedPinBlock != null && r.EncryptedPinBlock.Length != 8)
            {
                return BuildStatus.BadPinBlock;
            }

            if (TransactionRules.RefersToOriginal(r.Type) && (r.OriginalStan < 1 || r.OriginalStan > FieldLimits.MaxStan || r.OriginalBatch < 0 || r.OriginalBatch > FieldLimits.MaxBatch))
            {
                return BuildStatus.MissingOriginal;
            }

            return BuildStatus.Ok;
        }

        // Original batch + STAN, and the original date (61.3) where the host needs it to find a
        // transaction of an earlier batch: refund, pre-auth void, pre-auth completion and its void.
        private static string OriginalReference(FinancialRequest r)
        {
            string reference = Digits.Pad(r.OriginalBatch, 6) + Digits.Pad(r.OriginalStan, 6);
            bool dated = r.Type == TransactionType.Refund || r.Type == TransactionType.Completion || r.Type == TransactionType.PreAuthVoid
                || r.Type == TransactionType.CompletionVoid;
            if (dated && r.OriginalDate != null && r.OriginalDate.Length == 4 && Digits.AreAll(r.OriginalDate))
            {
                reference += r.OriginalDate;
            }

            return reference;
        }
    }
}
