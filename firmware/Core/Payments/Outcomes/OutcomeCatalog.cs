namespace PosFirmware.Payments.Outcomes
{
    /// <summary>
    /// Every outcome the terminal can show (PAYMENTS.md sections 1 and 6; issue 4 point 7): one
    /// entry per host response code of section 6, an entry for a code the table does not know, and
    /// every local failure. Texts are data, so a terminal maker changes wording here and nowhere else.
    /// </summary>
    public static class OutcomeCatalog
    {
        private static Outcome[] _all;

        /// <summary>Every entry, in code order.</summary>
        public static Outcome[] All
        {
            get
            {
                if (_all == null)
                {
                    _all = Build();
                }

                return _all;
            }
        }

        /// <summary>The entry with this stable number, or null.</summary>
        public static Outcome Get(int code)
        {
            Outcome[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Code == code)
                {
                    return all[i];
                }
            }

            return null;
        }

        /// <summary>The entry for a host response code (field 39); unknown codes get HostUnknownCode.</summary>
        public static Outcome ForResponseCode(string responseCode)
        {
            Outcome[] all = All;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].ResponseCode != null && all[i].ResponseCode == responseCode)
                {
                    return all[i];
                }
            }

            return Get(OutcomeCodes.HostUnknownCode);
        }

        private static Outcome[] Build()
        {
            const OutcomeKind ok = OutcomeKind.Approved;
            const OutcomeKind no = OutcomeKind.Declined;
            const OutcomeKind end = OutcomeKind.Terminated;
            const OutcomeKind fault = OutcomeKind.Fault;
            const OutcomeKind rev = OutcomeKind.Reversing;
            const OutcomeKind manual = OutcomeKind.ManualHandling;
            const string callIssuer = "Card holder: call issuer";
            const string callIssuerZh = "请持卡人联系发卡行";
            const string callAcquirer = "Call the acquirer";
            const string callAcquirerZh = "请联系收单行";
            const string retry = "Try the transaction again";
            const string retryZh = "请重新交易";
            const string later = "Try again in a few minutes";
            const string laterZh = "请稍后重试";
            const string signOn = "Terminal signs on again";
            const string signOnZh = "终端将重新签到";
            const string reversing = "Money is being returned";
            const string reversingZh = "款项自动退回 无需重复交易";
            return new Outcome[]
            {
                new Outcome(OutcomeCodes.Approved, ok, "00", "APPROVED", "", "交易成功", "", "APPROVED", "交易成功", "Hand over the slip", "请将签购单交持卡人"),
                new Outcome(OutcomeCodes.ApprovedOffline, ok, null, "APPROVED", "Offline", "交易成功", "脱机批准", "APPROVED OFFLINE", "脱机交易成功", "Sent to the bank later", "稍后自动上送银行"),
                new Outcome(OutcomeCodes.Settled, ok, null, "Settled", "Totals agree", "结算成功", "对账平", "SETTLED: TOTALS AGREE", "结算成功 对账平", "Batch closed", "批次已结束"),
                new Outcome(OutcomeCodes.SettledAfterUpload, ok, null, "Settled after", "batch upload", "结算完成", "已上送明细", "SETTLED AFTER BATCH UPLOAD", "对账不平 已上送明细", "Batch closed", "批次已结束"),
                new Outcome(OutcomeCodes.SignedOn, ok, null, "Signed on", "Keys loaded", "签到成功", "密钥已更新", "SIGNED ON", "签到成功", "Ready for transactions", "可以开始交易"),
                new Outcome(OutcomeCodes.SignedOff, ok, null, "Signed off", "", "签退成功", "", "SIGNED OFF", "签退成功", "Sign on before trading", "交易前请先签到"),
                new Outcome(OutcomeCodes.HostAnswered, ok, null, "Host answered", "Link is good", "联机测试成功", "", "ECHO TEST OK", "联机测试成功", "Nothing to do", "无需操作"),

                new Outcome(101, no, "01", "DECLINED", "Call issuer", "交易失败", "请联系发卡行", "DECLINED: REFER TO ISSUER (01)", "交易失败 请联系发卡行(01)", callIssuer, callIssuerZh),
                new Outcome(103, no, "03", "Merchant not", "registered", "商户未登记", "请联系收单行", "INVALID MERCHANT (03)", "商户未登记(03)", callAcquirer, callAcquirerZh),
                new Outcome(104, no, "04", "PICK UP CARD", "Keep the card", "没收卡", "请联系收单行", "PICK UP CARD (04)", "没收卡 请联系收单行(04)", "Keep the card, call acquirer", "请留下卡片并联系收单行"),
                new Outcome(105, no, "05", "DECLINED", "Do not honour", "交易失败", "请联系发卡行", "DECLINED: DO NOT HONOUR (05)", "交易失败 请联系发卡行(05)", callIssuer, callIssuerZh),
                new Outcome(112, no, "12", "Invalid", "transaction", "交易失败", "请重试", "INVALID TRANSACTION (12)", "交易失败 请重试(12)", retry, retryZh),
                new Outcome(113, no, "13", "Invalid amount", "Re-enter amount", "交易金额超限", "请重试", "INVALID AMOUNT (13)", "交易金额超限 请重试(13)", "Check the amount, retry", "请核对金额后重试"),
                new Outcome(114, no, "14", "Invalid card", "number", "无效卡号", "请联系发卡行", "INVALID CARD NUMBER (14)", "无效卡号 请联系发卡行(14)", callIssuer, callIssuerZh),
                new Outcome(115, no, "15", "Card not", "accepted", "此卡不能受理", "", "NO SUCH ISSUER (15)", "此卡不能受理(15)", "Ask for another card", "请持卡人换卡"),
                new Outcome(122, no, "22", "Operation error", "Try again", "操作有误", "请重试", "SUSPECTED MALFUNCTION (22)", "操作有误 请重试(22)", retry, retryZh),
                new Outcome(125, no, "25", "Original not", "found", "交易失败", "请联系发卡行", "ORIGINAL NOT FOUND (25)", "交易失败 请联系发卡行(25)", callIssuer, callIssuerZh),
                new Outcome(130, no, "30", "Format error", "Try again", "交易失败", "请重试", "FORMAT ERROR (30)", "交易失败 请重试(30)", retry, retryZh),
                new Outcome(133, no, "33", "Expired card", "", "过期卡", "请联系发卡行", "EXPIRED CARD (33)", "过期卡 请联系发卡行(33)", "Ask for another card", "请持卡人换卡"),
                new Outcome(134, no, "34", "DECLINED", "Call acquirer", "交易失败", "请联系收单行", "SUSPECTED FRAUD (34)", "交易失败 请联系收单行(34)", callAcquirer, callAcquirerZh),
                new Outcome(140, no, "40", "Not supported", "by this card", "交易失败", "请联系发卡行", "FUNCTION NOT SUPPORTED (40)", "交易失败 请联系发卡行(40)", callIssuer, callIssuerZh),
                new Outcome(141, no, "41", "LOST CARD", "Keep the card", "没收卡", "请联系收单行", "LOST CARD (41)", "没收卡 请联系收单行(41)", "Keep the card, call acquirer", "请留下卡片并联系收单行"),
                new Outcome(143, no, "43", "STOLEN CARD", "Keep the card", "没收卡", "请联系收单行", "STOLEN CARD (43)", "没收卡 请联系收单行(43)", "Keep the card, call acquirer", "请留下卡片并联系收单行"),
                new Outcome(151, no, "51", "Insufficient", "funds", "余额不足", "请查询", "INSUFFICIENT FUNDS (51)", "余额不足 请查询(51)", "Ask for another card", "请持卡人换卡或查询余额"),
                new Outcome(154, no, "54", "Expired card", "", "过期卡", "请联系发卡行", "EXPIRED CARD (54)", "过期卡 请联系发卡行(54)", "Ask for another card", "请持卡人换卡"),
                new Outcome(155, no, "55", "Wrong PIN", "Try again", "密码错", "请重试", "INCORRECT PIN (55)", "密码错 请重试(55)", "Card holder re-enters PIN", "请持卡人重新输入密码"),
                new Outcome(157, no, "57", "Not permitted", "for this card", "交易失败", "请联系发卡行", "NOT PERMITTED TO CARD (57)", "交易失败 请联系发卡行(57)", callIssuer, callIssuerZh),
                new Outcome(158, no, "58", "Not permitted", "on terminal", "终端无效", "请联系收单行", "NOT PERMITTED TO TERMINAL (58)", "终端无效 请联系收单行(58)", callAcquirer, callAcquirerZh),
                new Outcome(159, no, "59", "DECLINED", "Call acquirer", "交易失败", "请联系收单行", "SUSPECTED FRAUD (59)", "交易失败 请联系收单行(59)", callAcquirer, callAcquirerZh),
                new Outcome(161, no, "61", "Over amount", "limit", "金额太大", "", "EXCEEDS AMOUNT LIMIT (61)", "金额太大(61)", "Use a smaller amount", "请减少金额后重试"),
                new Outcome(162, no, "62", "Restricted card", "", "交易失败", "请联系发卡行", "RESTRICTED CARD (62)", "交易失败 请联系发卡行(62)", callIssuer, callIssuerZh),
                new Outcome(165, no, "65", "Too many uses", "", "超出消费次数限制", "", "EXCEEDS FREQUENCY LIMIT (65)", "超出消费次数限制(65)", "Ask for another card", "请持卡人换卡"),
                new Outcome(175, no, "75", "PIN tries", "exceeded", "密码错误次数超限", "", "PIN TRIES EXCEEDED (75)", "密码错误次数超限(75)", callIssuer, callIssuerZh),
                new Outcome(177, no, "77", "Sign-on needed", "", "请向网络中心签到", "", "SIGN-ON REQUIRED (77)", "请向网络中心签到(77)", signOn, signOnZh),
                new Outcome(182, no, "82", "Card check", "failed", "卡片校验失败", "请重试", "CARD AUTHENTICATION FAILED (82)", "卡片校验失败 请重试(82)", retry, retryZh),
                new Outcome(190, no, "90", "Bank cut-off", "Try later", "交易失败", "请稍后重试", "CUT-OFF IN PROGRESS (90)", "交易失败 请稍后重试(90)", later, laterZh),
                new Outcome(191, no, "91", "Issuer down", "Try later", "交易失败", "请稍后重试", "ISSUER UNAVAILABLE (91)", "交易失败 请稍后重试(91)", later, laterZh),
                new Outcome(192, no, "92", "Cannot route", "Try later", "交易失败", "请稍后重试", "CANNOT ROUTE (92)", "交易失败 请稍后重试(92)", later, laterZh),
                new Outcome(194, no, "94", "Duplicate", "Try later", "重复交易", "请稍后重试", "DUPLICATE TRANSACTION (94)", "重复交易 请稍后重试(94)", later, laterZh),
                new Outcome(196, no, "96", "System error", "Try later", "系统异常", "请稍后重试", "SYSTEM MALFUNCTION (96)", "系统异常 请稍后重试(96)", later, laterZh),
                new Outcome(197, no, "97", "Terminal not", "registered", "终端未登记", "请联系收单行", "TERMINAL NOT REGISTERED (97)", "终端未登记 请联系收单行(97)", callAcquirer, callAcquirerZh),
                new Outcome(198, no, "98", "No issuer reply", "Try again", "收不到发卡行应答", "请重试", "NO ISSUER RESPONSE (98)", "银联收不到发卡行应答(98)", retry, retryZh),
                new Outcome(199, no, "99", "PIN format error", "Sign on again", "PIN格式错误", "请重新签到", "PIN FORMAT ERROR (99)", "PIN格式错误 请重新签到(99)", signOn, signOnZh),
                new Outcome(OutcomeCodes.HostMacError, no, "A0", "MAC error", "Sign on again", "校验错", "请重新签到", "MAC ERROR AT HOST (A0)", "校验错 请重新签到(A0)", signOn, signOnZh),
                new Outcome(OutcomeCodes.HostUnknownCode, no, null, "DECLINED", "by the host", "交易失败", "请联系收单行", "DECLINED BY HOST", "交易失败 主机拒绝", callAcquirer, callAcquirerZh),

                new Outcome(OutcomeCodes.Cancelled, end, null, "Cancelled", "", "交易取消", "", "CANCELLED", "交易取消", "Start again if needed", "如需要请重新交易"),
                new Outcome(OutcomeCodes.TimeoutAmountEntry, end, null, "Timed out", "No amount", "交易超时", "未输入金额", "TIMEOUT: NO AMOUNT", "交易超时 未输入金额", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutCard, end, null, "Timed out", "No card", "交易超时", "未检测到卡片", "TIMEOUT: NO CARD", "交易超时 未检测到卡片", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutPin, end, null, "Timed out", "No PIN", "交易超时", "未输入密码", "TIMEOUT: NO PIN", "交易超时 未输入密码", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutMenu, end, null, "Timed out", "", "交易超时", "", "TIMEOUT", "交易超时", retry, retryZh),
                new Outcome(OutcomeCodes.TimeoutHost, rev, null, "FAILED: no reply", "Being reversed", "交易失败", "已自动冲正", "HOST DID NOT ANSWER: REVERSED", "主机无应答 交易已自动冲正", reversing, reversingZh),
                new Outcome(OutcomeCodes.NoNetwork, fault, null, "No network", "Check Wi-Fi", "网络未连接", "请检查WiFi", "NO NETWORK", "网络未连接", "Check Wi-Fi, then retry", "请检查WiFi后重试"),
                new Outcome(OutcomeCodes.HostUnreachable, fault, null, "Host unreachable", "Try later", "无法连接主机", "请稍后重试", "HOST UNREACHABLE", "无法连接主机", later, laterZh),
                new Outcome(OutcomeCodes.MacError, rev, null, "FAILED: bad MAC", "Being reversed", "交易失败 校验错", "已自动冲正", "REPLY MAC ERROR: REVERSED", "应答校验错 交易已自动冲正", reversing, reversingZh),
                new Outcome(OutcomeCodes.CardReadError, end, null, "Card read error", "Try again", "读卡失败", "请重试", "CARD READ ERROR", "读卡失败", "Tap or swipe again", "请重新挥卡或刷卡"),
                new Outcome(OutcomeCodes.CardRemoved, end, null, "Card removed", "Tap again", "卡片已移开", "请重新挥卡", "CARD REMOVED TOO EARLY", "卡片过早移开", "Hold the card until beep", "挥卡后请保持至提示音"),
                new Outcome(OutcomeCodes.PrinterOutOfPaper, fault, null, "Out of paper", "Load paper", "打印机缺纸", "请装纸", "PRINTER OUT OF PAPER", "打印机缺纸", "Load paper, then reprint", "装纸后请重打印"),
                new Outcome(OutcomeCodes.PrinterJammed, fault, null, "Printer jammed", "Check printer", "打印机卡纸", "请检查打印机", "PRINTER JAMMED", "打印机卡纸", "Clear the paper, reprint", "清除卡纸后请重打印"),
                new Outcome(OutcomeCodes.ReaderNotAnswering, fault, null, "Card reader", "not answering", "读卡器无响应", "请重启终端", "CARD READER NOT ANSWERING", "读卡器无响应", "Restart; run self-test", "请重启终端并自检"),
                new Outcome(OutcomeCodes.OfflineLimit, no, null, "Over offline", "limit", "超出脱机限额", "请联机交易", "OFFLINE LIMIT REACHED", "超出脱机限额", "Retry when online", "请联网后重试"),
                new Outcome(OutcomeCodes.SignOnRequired, no, null, "Not signed on", "Sign on first", "终端未签到", "请先签到", "TERMINAL NOT SIGNED ON", "终端未签到", "Sign on, then retry", "请签到后重试"),
                new Outcome(OutcomeCodes.ReversalPending, rev, null, "Reversal pending", "Please wait", "冲正处理中", "请稍候", "REVERSAL PENDING", "冲正处理中", reversing, reversingZh),
                new Outcome(OutcomeCodes.ReversalFailed, manual, null, "Reversal failed", "Call acquirer", "冲正不成功", "请人工处理", "REVERSAL FAILED: MANUAL HANDLING", "冲正不成功，请人工处理", "Call acquirer with the slip", "请持凭条联系收单行处理"),
                new Outcome(OutcomeCodes.PinTriesExceeded, no, null, "Wrong PIN", "3 times", "密码错误次数超限", "", "WRONG PIN THREE TIMES", "密码错误三次", "Ask for another card", "请持卡人换卡"),
                new Outcome(OutcomeCodes.CardNotSupported, no, null, "Card not", "supported", "此卡不能受理", "", "CARD NOT SUPPORTED", "此卡不能受理", "Ask for another card", "请持卡人换卡"),
                new Outcome(OutcomeCodes.InvalidAmount, no, null, "Invalid amount", "Re-enter", "金额无效", "请重新输入", "INVALID AMOUNT", "金额无效", "Enter the amount again", "请重新输入金额"),
                new Outcome(OutcomeCodes.OriginalNotInBatch, no, null, "Not in batch", "Check trace no.", "原交易不存在", "请核对凭证号", "ORIGINAL NOT IN BATCH", "原交易不存在", "Check the slip's trace no.", "请核对签购单凭证号"),
                new Outcome(OutcomeCodes.AlreadyVoided, no, null, "Already voided", "", "原交易已撤销", "", "ALREADY VOIDED", "原交易已撤销", "Nothing to do", "无需操作"),
                new Outcome(OutcomeCodes.BatchFull, no, null, "Batch full", "Settle first", "交易笔数已满", "请先结算", "BATCH FULL", "交易笔数已满", "Settle, then retry", "请结算后重试"),
                new Outcome(OutcomeCodes.HostAnswerInvalid, rev, null, "FAILED: bad data", "Being reversed", "交易失败", "已自动冲正", "HOST REPLY INVALID: REVERSED", "主机应答错误 交易已自动冲正", reversing, reversingZh),
                new Outcome(OutcomeCodes.SaveFailed, rev, null, "FAILED: no save", "Being reversed", "交易失败", "已自动冲正", "COULD NOT SAVE: REVERSED", "保存失败 交易已自动冲正", reversing, reversingZh),
                new Outcome(OutcomeCodes.SettlementFailed, fault, null, "Not settled", "Try again", "结算失败", "请重试", "SETTLEMENT FAILED", "结算失败", "Settle again later", "请稍后重新结算"),
                new Outcome(OutcomeCodes.NoTransaction, no, null, "No transaction", "", "无交易记录", "", "NO TRANSACTION", "无交易记录", "Nothing to print", "无可打印记录"),
                new Outcome(OutcomeCodes.AdviceFailed, fault, null, "Advice not sent", "Call acquirer", "通知上送失败", "请联系收单行", "OFFLINE ADVICE NOT SENT", "脱机通知上送失败", callAcquirer, callAcquirerZh),
                new Outcome(OutcomeCodes.StorageError, fault, null, "Storage error", "Nothing sent", "存储错误", "交易未发送", "STORAGE ERROR: NOT SENT", "存储错误 交易未发送", "Restart; call support", "请重启终端并联系维护"),
                new Outcome(OutcomeCodes.NoValidReply, fault, null, "No valid reply", "Check with bank", "交易结果未知", "请查询后处理", "NO VALID REPLY: CHECK STATUS", "无有效应答 交易结果未知", "Check with the acquirer", "请联系收单行查询"),
                new Outcome(OutcomeCodes.SwipeReversed, end, null, "Swiped backwards", "Swipe other way", "刷卡方向错误", "请反方向重刷", "CARD SWIPED BACKWARDS", "刷卡方向错误", "Swipe the other way", "请反方向重新刷卡"),
                new Outcome(OutcomeCodes.PrinterCoverOpen, fault, null, "Printer cover", "open: close it", "打印机盖未合", "请合上机盖", "PRINTER COVER OPEN", "打印机盖未合", "Close the cover, reprint", "合上机盖后请重打印"),
                new Outcome(OutcomeCodes.PrinterNotAnswering, fault, null, "Printer not", "answering", "打印机无响应", "请检查打印机", "PRINTER NOT ANSWERING", "打印机无响应", "Check power and cable", "请检查打印机电源和连线"),
                new Outcome(OutcomeCodes.RefundPending, fault, null, "Refund pending", "Do not repeat", "退货处理中", "请勿重复", "REFUND PENDING: DO NOT REPEAT", "退货处理中 请勿重复退货", "Terminal resends it itself", "终端将自动重发 请勿重复"),
                new Outcome(OutcomeCodes.RefundUnknown, fault, null, "Refund unknown", "Call acquirer", "退货结果未知", "请联系收单行", "REFUND RESULT UNKNOWN: MANUAL", "退货结果未知 请人工处理", "Ask acquirer before redoing", "请先联系收单行 勿重复退货"),
            };
        }
    }
}
